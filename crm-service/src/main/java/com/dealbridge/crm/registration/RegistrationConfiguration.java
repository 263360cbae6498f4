package com.dealbridge.crm.registration;

import com.dealbridge.shareddeal.api.PartnerCapacity;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.registration.CapacityLedger;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The vendor's registration decisions and the program's expiry. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistrationExpiryProperties.class)
class RegistrationConfiguration {

    /** The program's time: expiry dates and the sweep read it; a test replaces it with a clock it moves. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock registrationClock() {
        return Clock.systemUTC();
    }

    @Bean
    RegistrationDecisions registrationDecisions(SharedDeals sharedDeals, SharedDealQueries queries,
                                                CapacityLedger ledger, PartnerCapacity capacity,
                                                RegistrationExpiryProperties expiry, Clock clock) {
        return new RegistrationDecisions(sharedDeals, queries, ledger, capacity, expiry, clock);
    }

    @Bean
    LastSlotCheck lastSlotCheck(SharedDeals sharedDeals, CapacityLedger ledger, PartnerCapacity capacity) {
        return new LastSlotCheck(sharedDeals, ledger, capacity);
    }

    @Bean
    RegistrationExpiry registrationExpiry(SharedDeals sharedDeals, RegistrationExpiryProperties expiry, Clock clock) {
        return new RegistrationExpiry(sharedDeals, expiry, clock);
    }
}
