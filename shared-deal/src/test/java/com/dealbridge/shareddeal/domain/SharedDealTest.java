package com.dealbridge.shareddeal.domain;

import static com.dealbridge.shareddeal.domain.Fixtures.CRM_REP;
import static com.dealbridge.shareddeal.domain.Fixtures.PARTNER_USER;
import static com.dealbridge.shareddeal.domain.Fixtures.RITA;
import static com.dealbridge.shareddeal.domain.Fixtures.ROB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealbridge.sync.clock.Hlc;
import com.dealbridge.sync.clock.ManualClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedDealTest {

    private final ManualClock partnerClock = new ManualClock(1_000_000);
    private final ManualClock crmClock = new ManualClock(1_000_000);
    private final SharedDealId id = SharedDealId.random();

    @Test
    void registrationRecordsTheFirstEventOfItsOrigin() {
        SharedDeal deal = SharedDeal.register(Fixtures.partnerRegistration(id), Origin.PARTNER, partnerClock,
                PARTNER_USER);

        List<SharedDealEvent> events = deal.drainRecordedEvents();
        assertThat(events).singleElement().isInstanceOf(SharedDealRegistered.class);
        assertThat(events.get(0).header().sequence()).isEqualTo(1);
        assertThat(events.get(0).header().origin()).isEqualTo(Origin.PARTNER);
        assertThat(deal.status()).isEqualTo(DealStatus.ACTIVE);
        assertThat(deal.drainRecordedEvents()).as("drained once").isEmpty();
    }

    @Test
    void theOtherSideBuildsAnEqualReplicaFromTheRegistration() {
        SharedDealRegistered registered = Fixtures.registeredOnPartner(id, partnerClock);

        SharedDeal crm = SharedDeal.receive(registered, Origin.CRM, crmClock);

        assertThat(crm.facts().dealName()).isEqualTo("Acme rollout");
        assertThat(crm.facts().amount()).isEqualByComparingTo("12000");
        assertThat(crm.facts().productIds()).containsExactly("prod-1");
        assertThat(crm.highWaterMark(Origin.PARTNER)).isEqualTo(1);
        assertThat(crm.drainRecordedEvents()).as("applying never echoes").isEmpty();
    }

    @Test
    void assignmentOnTheCrmReachesThePartnerReplica() {
        SharedDeal partner = SharedDeal.register(Fixtures.partnerRegistration(id), Origin.PARTNER, partnerClock,
                PARTNER_USER);
        SharedDeal crm = SharedDeal.receive((SharedDealRegistered) partner.drainRecordedEvents().get(0),
                Origin.CRM, crmClock);

        crm.assign(RITA, crmClock, CRM_REP);
        SharedDealEvent assigned = crm.drainRecordedEvents().get(0);

        assertThat(assigned.header().sequence()).isEqualTo(1);
        assertThat(partner.apply(assigned, partnerClock)).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(partner.facts().assignedRep()).isEqualTo(RITA);
        assertThat(partner.activity()).extracting(ActivityEntry::type).containsExactly("REGISTERED", "ASSIGNED");
    }

    @Test
    void aSecondDeliveryOfAnEventChangesNothing() {
        SharedDeal partner = SharedDeal.register(Fixtures.partnerRegistration(id), Origin.PARTNER, partnerClock,
                PARTNER_USER);
        SharedDeal crm = SharedDeal.receive((SharedDealRegistered) partner.drainRecordedEvents().get(0),
                Origin.CRM, crmClock);
        crm.assign(RITA, crmClock, CRM_REP);
        SharedDealEvent assigned = crm.drainRecordedEvents().get(0);
        partner.apply(assigned, partnerClock);

        assertThat(partner.apply(assigned, partnerClock)).isEqualTo(ApplyOutcome.DUPLICATE);
        assertThat(partner.activity()).hasSize(2);
    }

    @Test
    void anEventAfterAMissingOneIsAGapNotApplied() {
        SharedDeal partner = SharedDeal.register(Fixtures.partnerRegistration(id), Origin.PARTNER, partnerClock,
                PARTNER_USER);
        SharedDeal crm = SharedDeal.receive((SharedDealRegistered) partner.drainRecordedEvents().get(0),
                Origin.CRM, crmClock);
        crm.assign(RITA, crmClock, CRM_REP);
        crm.assign(ROB, crmClock, CRM_REP);
        List<SharedDealEvent> events = crm.drainRecordedEvents();

        assertThat(partner.apply(events.get(1), partnerClock)).isEqualTo(ApplyOutcome.GAP);
        assertThat(partner.facts().assignedRep()).isNull();
        assertThat(partner.highWaterMark(Origin.CRM)).isZero();
        assertThat(partner.apply(events.get(0), partnerClock)).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(partner.apply(events.get(1), partnerClock)).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(partner.facts().assignedRep()).isEqualTo(ROB);
    }

    @Test
    void laterAssignmentWinsWhateverOrderTheStampsArriveIn() {
        SharedDeal crm = SharedDeal.receive(Fixtures.registeredOnPartner(id, partnerClock), Origin.CRM, crmClock);
        crm.assign(RITA, crmClock, CRM_REP);
        crmClock.advance(10);
        crm.assign(ROB, crmClock, CRM_REP);

        assertThat(crm.facts().assignedRep()).isEqualTo(ROB);
        assertThat(crm.facts().stampOf(DealFacts.F_ASSIGNED_REP).hlc().wallMillis()).isEqualTo(1_000_010);
    }

    @Test
    void onlyTheCrmAssignsARep() {
        SharedDeal partner = SharedDeal.register(Fixtures.partnerRegistration(id), Origin.PARTNER, partnerClock,
                PARTNER_USER);

        assertThatThrownBy(() -> partner.assign(RITA, partnerClock, PARTNER_USER))
                .isInstanceOf(SyncRuleViolation.class).hasMessageContaining("CRM_TO_PARTNER");
    }

    @Test
    void aSideRefusesItsOwnEvents() {
        SharedDeal partner = SharedDeal.register(Fixtures.partnerRegistration(id), Origin.PARTNER, partnerClock,
                PARTNER_USER);
        SharedDealEvent own = partner.drainRecordedEvents().get(0);

        assertThatThrownBy(() -> partner.apply(own, partnerClock)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Found by ConvergenceProperties: the snapshot stamped the registration with its wall-clock time. */
    @Test
    void aReplicaBuiltFromASnapshotKeepsTheRegistrationsStampAndTime() {
        // another deal's event, stamped by a clock ahead of the partner's, moved the partner's HLC
        partnerClock.observe(new Hlc(1_000_040, 3));
        SharedDeal partner = SharedDeal.register(Fixtures.partnerRegistration(id), Origin.PARTNER, partnerClock,
                PARTNER_USER);
        partner.drainRecordedEvents(); // the registration is lost on the way; a resync repairs the CRM
        partner.publishSnapshot(partnerClock, PARTNER_USER);

        SharedDeal crm = SharedDeal.fromSnapshot((SharedDealSnapshot) partner.drainRecordedEvents().get(0),
                Origin.CRM, crmClock, SyncPolicy.defaults());

        Stamp registered = partner.facts().stampOf(DealFacts.F_PARTNER_OWNER);
        assertThat(registered.hlc()).isEqualTo(new Hlc(1_000_040, 5));
        assertThat(crm.facts().state().stamps()).isEqualTo(partner.facts().state().stamps());
        assertThat(crm.facts().createdAt()).isEqualTo(partner.facts().createdAt())
                .isEqualTo(java.time.Instant.ofEpochMilli(1_000_000));
    }

    /**
     * Under the default policy the registration's name and first stage come from the partner: a resync snapshot
     * carries them as facts with the registration's stamp, which are the creation, not a change; a stage the
     * partner moved afterwards (its policy allowed it, the receiver's does not) is still refused.
     */
    @Test
    void aSnapshotPassesTheDefaultPolicyWithTheRegistrationsValuesButNotWithAPartnersLaterStage() {
        SharedDeal partner = SharedDeal.register(Fixtures.partnerRegistration(id), Origin.PARTNER, partnerClock,
                PARTNER_USER);
        partner.drainRecordedEvents();
        partner.publishSnapshot(partnerClock, PARTNER_USER);
        SharedDealSnapshot unchanged = (SharedDealSnapshot) partner.drainRecordedEvents().get(0);

        assertThat(SharedDeal.fromSnapshot(unchanged, Origin.CRM, crmClock, SyncPolicy.defaults()).facts()
                .dealName()).isEqualTo("Acme rollout");

        partner.changeStage(Stage.QUALIFIED_TO_BUY, Fixtures.STAGE_AND_NAME_TWO_WAY, partnerClock, PARTNER_USER);
        partner.publishSnapshot(partnerClock, PARTNER_USER);
        List<SharedDealEvent> recorded = partner.drainRecordedEvents();
        SharedDealSnapshot moved = (SharedDealSnapshot) recorded.get(recorded.size() - 1);

        assertThatThrownBy(() -> SharedDeal.fromSnapshot(moved, Origin.CRM, crmClock, SyncPolicy.defaults()))
                .isInstanceOf(SyncRuleViolation.class).hasMessageContaining("stage is CRM_TO_PARTNER");
    }

    @Test
    void stampsOrderByClockThenByOrigin() {
        Stamp partner = new Stamp(new Hlc(5, 0), Origin.PARTNER);
        Stamp crm = new Stamp(new Hlc(5, 0), Origin.CRM);
        Stamp later = new Stamp(new Hlc(5, 1), Origin.PARTNER);

        assertThat(crm.supersedes(partner)).isTrue();
        assertThat(partner.supersedes(crm)).isFalse();
        assertThat(later.supersedes(crm)).isTrue();
        assertThat(partner.supersedes(null)).isTrue();
    }
}
