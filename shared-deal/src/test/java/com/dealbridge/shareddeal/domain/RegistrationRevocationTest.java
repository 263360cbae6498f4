package com.dealbridge.shareddeal.domain;

import static com.dealbridge.shareddeal.domain.Fixtures.PARTNER_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The vendor's last word on a partner registration that arrived when the partner's last slot was already taken by a
 * rep's conversion: REVOKE moves it to UNAVAILABLE with a reason code, on the CRM side only, only on an open deal.
 */
class RegistrationRevocationTest extends TwoSidedRegistration {

    private static final Actor PROGRAM = Actor.system("Partner program");
    private static final String REASON = "the partner's last registration slot was taken by a deal the vendor"
            + " registered for it at the same time";

    @Test
    void aRevokedRegistrationIsUnavailableOnBothSidesWithItsReasonAndHoldsNoSlot() {
        registerOnPartner(Fixtures.partnerRegistration(id));

        crm.changeRegistration(RegistrationTransition.REVOKE, "CAPACITY_TAKEN", REASON, null, crmClock, PROGRAM);
        syncToPartner();

        for (SharedDeal side : new SharedDeal[] {partner, crm}) {
            assertThat(side.facts().registrationState()).isEqualTo(RegistrationState.UNAVAILABLE);
            assertThat(side.facts().activelyRegistered()).as("UNAVAILABLE holds no slot").isFalse();
            assertThat(side.facts().currentUnavailableReason()).isEqualTo(REASON);
            assertThat(side.facts().registration().reasonCode()).isEqualTo("CAPACITY_TAKEN");
            assertThat(side.facts().status()).as("the deal itself stays open").isEqualTo(DealStatus.ACTIVE);
            ActivityEntry line = side.activity().get(side.activity().size() - 1);
            assertThat(line.type()).isEqualTo("REGISTRATION_REVOKED");
            assertThat(line.actor()).isEqualTo(PROGRAM);
            assertThat(line.details()).containsEntry("reasonCode", "CAPACITY_TAKEN")
                    .containsEntry("registrationState", "UNAVAILABLE").containsEntry("reason", REASON);
        }
    }

    @Test
    void aRevokedRegistrationCanStillBeReleasedOrRejectedByTheVendor() {
        registerOnPartner(Fixtures.partnerRegistration(id));
        crm.changeRegistration(RegistrationTransition.REVOKE, "CAPACITY_TAKEN", REASON, null, crmClock, PROGRAM);
        assertThat(RegistrationTransition.REJECT.allowedFrom(crm.facts().registrationState())).isTrue();

        crm.changeRegistration(RegistrationTransition.RELEASE, null, "a slot is free again", null, crmClock, PROGRAM);
        syncToPartner();
        assertThat(partner.facts().registrationState()).isEqualTo(RegistrationState.REGISTERED);
        assertThat(partner.facts().currentUnavailableReason()).isNull();
    }

    @Test
    void aPendingRegistrationIsRevokedTooForItReservesASlot() {
        registerOnPartner(Fixtures.partnerRegistration(id).pending());
        crm.changeRegistration(RegistrationTransition.REVOKE, "CAPACITY_TAKEN", REASON, null, crmClock, PROGRAM);
        assertThat(crm.facts().registrationState()).isEqualTo(RegistrationState.UNAVAILABLE);
    }

    @Test
    void onlyTheVendorRevokesOnlyAHeldRegistrationOfAnOpenDealAndAlwaysWithAReasonCode() {
        registerOnPartner(Fixtures.partnerRegistration(id));
        assertThatThrownBy(() -> partner.changeRegistration(RegistrationTransition.REVOKE, "CAPACITY_TAKEN", REASON,
                null, partnerClock, PARTNER_USER)).isInstanceOf(SyncRuleViolation.class);
        assertThatThrownBy(() -> crm.changeRegistration(RegistrationTransition.REVOKE, null, REASON, null, crmClock,
                PROGRAM)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason code");

        crm.changeRegistration(RegistrationTransition.REVOKE, "CAPACITY_TAKEN", REASON, null, crmClock, PROGRAM);
        assertThatThrownBy(() -> crm.changeRegistration(RegistrationTransition.REVOKE, "CAPACITY_TAKEN", REASON,
                null, crmClock, PROGRAM)).as("an UNAVAILABLE one holds nothing to revoke")
                .isInstanceOf(SyncRuleViolation.class);
        assertThat(crm.drainRecordedEvents()).hasSize(1);

        SharedDealId closedId = SharedDealId.random();
        partner = SharedDeal.register(Fixtures.partnerRegistration(closedId), Origin.PARTNER, partnerClock,
                PARTNER_USER);
        crm = SharedDeal.receive((SharedDealRegistered) partner.drainRecordedEvents().get(0), Origin.CRM, crmClock);
        crm.changeStage(Stage.CLOSED_LOST, policy, crmClock, Fixtures.CRM_REP);
        assertThatThrownBy(() -> crm.changeRegistration(RegistrationTransition.REVOKE, "CAPACITY_TAKEN", REASON,
                null, crmClock, PROGRAM)).isInstanceOf(SyncRuleViolation.class).hasMessageContaining("closed");
    }
}
