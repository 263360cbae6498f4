package com.dealbridge.crm.registration;

import com.dealbridge.crm.deal.CrmDeals;
import com.dealbridge.crm.directory.Directory;
import com.dealbridge.shareddeal.api.PartnerCapacity;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.registration.CapacityLedger;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The vendor's registration decisions, its checks of arriving registrations and the program's expiry. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RegistrationExpiryProperties.class, ConflictCheckProperties.class})
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
    VendorDealCheck vendorDealCheck(SharedDeals sharedDeals, Directory directory, CrmDeals crmDeals,
                                    ConflictCheckProperties rules) {
        return new VendorDealCheck(sharedDeals, directory, crmDeals, rules);
    }

    @Bean
    RegistrationExpiry registrationExpiry(SharedDeals sharedDeals, RegistrationExpiryProperties expiry, Clock clock) {
        return new RegistrationExpiry(sharedDeals, expiry, clock);
    }
}
