package com.dealbridge.shareddeal.domain;

import static com.dealbridge.shareddeal.domain.Fixtures.PARTNER_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.sync.clock.ManualClock;

/**
 * A partner's registration held on both sides, each with its own clock, for the tests of the vendor's decisions on
 * it: register on the partner side, receive on the CRM, carry the CRM's events back.
 */
abstract class TwoSidedRegistration {

    final ManualClock partnerClock = new ManualClock(1_000_000);
    final ManualClock crmClock = new ManualClock(1_000_000);
    final SyncPolicy policy = SyncPolicy.defaults();
    final SharedDealId id = SharedDealId.random();

    SharedDeal partner;
    SharedDeal crm;

    void registerOnPartner(Registration registration) {
        partner = SharedDeal.register(registration, Origin.PARTNER, partnerClock, PARTNER_USER);
        crm = SharedDeal.receive((SharedDealRegistered) partner.drainRecordedEvents().get(0), Origin.CRM, crmClock);
    }

    void syncToPartner() {
        crm.drainRecordedEvents().forEach(event -> assertThat(partner.apply(event, partnerClock, policy))
                .isEqualTo(ApplyOutcome.APPLIED));
    }
}
