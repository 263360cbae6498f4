package com.dealbridge.shareddeal.domain;

import static com.dealbridge.shareddeal.domain.Fixtures.CRM_REP;
import static com.dealbridge.shareddeal.domain.Fixtures.PARTNER_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationStateMachineTest extends TwoSidedRegistration {

    @Test
    void aPendingRegistrationApprovedByARepIsRegisteredOnBothSidesAndShownOnBothTabs() {
        registerOnPartner(Fixtures.partnerRegistration(id).pending());
        assertThat(crm.facts().registrationState()).isEqualTo(RegistrationState.PENDING);
        assertThat(crm.facts().activelyRegistered()).as("a pending registration reserves its slot").isTrue();

        crm.changeRegistration(RegistrationTransition.APPROVE, null, "fits the program", null, crmClock, CRM_REP);
        syncToPartner();

        assertThat(partner.facts().registrationState()).isEqualTo(RegistrationState.REGISTERED);
        assertThat(crm.facts().registrationState()).isEqualTo(RegistrationState.REGISTERED);
        ActivityEntry line = partner.activity().get(partner.activity().size() - 1);
        assertThat(line.type()).isEqualTo("REGISTRATION_APPROVED");
        assertThat(line.actor()).isEqualTo(CRM_REP);
        assertThat(line.details()).containsEntry("reason", "fits the program");
        assertThat(crm.activity()).extracting(ActivityEntry::type).contains("REGISTRATION_APPROVED");
    }

    @Test
    void aRejectionCarriesItsReasonCodeAndFreesTheRegistration() {
        registerOnPartner(Fixtures.partnerRegistration(id).pending());

        crm.changeRegistration(RegistrationTransition.REJECT, "INVALID_DATA", "no such company", null, crmClock,
                CRM_REP);
        syncToPartner();

        assertThat(partner.facts().registrationState()).isEqualTo(RegistrationState.REJECTED);
        assertThat(partner.facts().registration().reasonCode()).isEqualTo("INVALID_DATA");
        assertThat(partner.facts().currentUnavailableReason()).isEqualTo("no such company");
        assertThat(partner.facts().activelyRegistered()).isFalse();
        assertThat(partner.activity().get(partner.activity().size() - 1).details())
                .containsEntry("reasonCode", "INVALID_DATA");
    }

    @Test
    void anUnavailableRegistrationIsReleasedOrRejectedButNeverApproved() {
        registerOnPartner(Fixtures.partnerRegistration(id).unavailable("example.com is already registered"));

        assertThatThrownBy(() -> crm.changeRegistration(RegistrationTransition.APPROVE, null, null, null, crmClock,
                CRM_REP)).isInstanceOf(SyncRuleViolation.class).hasMessageContaining("UNAVAILABLE");
        assertThat(crm.drainRecordedEvents()).isEmpty();

        crm.changeRegistration(RegistrationTransition.RELEASE, null, null, null, crmClock, CRM_REP);
        syncToPartner();
        assertThat(partner.facts().registrationState()).isEqualTo(RegistrationState.REGISTERED);
        assertThat(partner.facts().currentUnavailableReason()).isNull();
        assertThat(partner.facts().registration().registeredAt()).isNotNull();
    }

    @Test
    void onlyLegalTransitionsAreAccepted() {
        registerOnPartner(Fixtures.partnerRegistration(id));
        for (RegistrationTransition illegal : List.of(RegistrationTransition.APPROVE, RegistrationTransition.RELEASE)) {
            assertThatThrownBy(() -> crm.changeRegistration(illegal, null, null, null, crmClock, CRM_REP))
                    .isInstanceOf(SyncRuleViolation.class);
        }
        assertThatThrownBy(() -> crm.changeRegistration(RegistrationTransition.REJECT, "DUPLICATE", null, null,
                crmClock, CRM_REP)).isInstanceOf(SyncRuleViolation.class);
        crm.changeRegistration(RegistrationTransition.EXPIRE, null, null, null, crmClock, CRM_REP);
        assertThatThrownBy(() -> crm.changeRegistration(RegistrationTransition.EXPIRE, null, null, null, crmClock,
                CRM_REP)).as("expires once").isInstanceOf(SyncRuleViolation.class);
        assertThat(crm.drainRecordedEvents()).hasSize(1);
    }

    @Test
    void thePartnerSideNeitherDecidesNorAcceptsARegistrationDecisionFromThePartner() {
        registerOnPartner(Fixtures.partnerRegistration(id).pending());
        assertThatThrownBy(() -> partner.changeRegistration(RegistrationTransition.APPROVE, null, null, null,
                partnerClock, PARTNER_USER)).isInstanceOf(SyncRuleViolation.class);
        EventHeader forged = new EventHeader("e-1", id.value(), "partner-1", Origin.PARTNER, 2,
                partnerClock.tick(), partnerClock.now(), PARTNER_USER);
        assertThatThrownBy(() -> crm.apply(new RegistrationChanged(forged, RegistrationTransition.APPROVE, null,
                null, null), crmClock, policy)).isInstanceOf(SyncRuleViolation.class);
        assertThat(crm.facts().registrationState()).isEqualTo(RegistrationState.PENDING);
    }

    @Test
    void anExpiryIsSetExtendedRemindedOncePerDateAndExpires() {
        registerOnPartner(Fixtures.partnerRegistration(id));
        Instant expiry = Instant.parse("2027-03-01T00:00:00Z");
        crm.changeRegistration(RegistrationTransition.SET_EXPIRY, null, null, expiry, crmClock, CRM_REP);
        assertThat(crm.remindOfExpiry(crmClock, CRM_REP)).isTrue();
        assertThat(crm.remindOfExpiry(crmClock, CRM_REP)).as("one reminder per date").isFalse();
        assertThatThrownBy(() -> crm.changeRegistration(RegistrationTransition.EXTEND, null, null,
                expiry.minus(Duration.ofDays(1)), crmClock, CRM_REP)).isInstanceOf(SyncRuleViolation.class);
        Instant later = expiry.plus(Duration.ofDays(30));
        crm.changeRegistration(RegistrationTransition.EXTEND, null, "customer asked for time", later, crmClock,
                CRM_REP);
        assertThat(crm.remindOfExpiry(crmClock, CRM_REP)).as("a new date, a new reminder").isTrue();
        crm.changeRegistration(RegistrationTransition.EXPIRE, null, null, null, crmClock, CRM_REP);
        syncToPartner();

        assertThat(partner.facts().registrationState()).isEqualTo(RegistrationState.EXPIRED);
        assertThat(partner.facts().activelyRegistered()).as("expiry frees the domain").isFalse();
        assertThat(partner.activity()).extracting(ActivityEntry::type).containsSubsequence("REGISTRATION_EXPIRY_SET",
                "REGISTRATION_EXPIRING", "REGISTRATION_EXTENDED", "REGISTRATION_EXPIRING", "REGISTRATION_EXPIRED");
    }

    @Test
    void theReminderOfARegistrationWithoutADateOfItsOwnGivesItTheImpliedDateOnBothSides() {
        registerOnPartner(Fixtures.partnerRegistration(id));
        Instant implied = Instant.parse("2027-03-01T00:00:00Z");
        assertThat(crm.remindOfExpiry(crmClock, CRM_REP)).as("no date, none implied").isFalse();
        assertThat(crm.remindOfExpiry(implied, crmClock, CRM_REP)).isTrue();
        assertThat(crm.remindOfExpiry(implied, crmClock, CRM_REP)).isFalse();
        syncToPartner();
        assertThat(partner.facts().registration().expiresAt()).isEqualTo(implied);
        assertThat(crm.facts().registration().expiresAt()).isEqualTo(implied);
    }

    @Test
    void aClosedOrWithdrawnDealsRegistrationNoLongerChanges() {
        registerOnPartner(Fixtures.partnerRegistration(id));
        crm.changeStage(Stage.CLOSED_WON, policy, crmClock, CRM_REP);
        assertThatThrownBy(() -> crm.changeRegistration(RegistrationTransition.EXPIRE, null, null, null, crmClock,
                CRM_REP)).isInstanceOf(SyncRuleViolation.class).hasMessageContaining("closed");
    }

    @Test
    void aWithdrawalEndsAPendingRegistration() {
        registerOnPartner(Fixtures.partnerRegistration(id).pending());
        partner.withdraw("changed our mind", partnerClock, PARTNER_USER);
        partner.drainRecordedEvents().forEach(event -> crm.apply(event, crmClock, policy));
        assertThat(crm.facts().registrationState()).isEqualTo(RegistrationState.WITHDRAWN);
        assertThatThrownBy(() -> crm.changeRegistration(RegistrationTransition.APPROVE, null, null, null, crmClock,
                CRM_REP)).isInstanceOf(SyncRuleViolation.class);
    }
}
