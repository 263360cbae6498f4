package com.dealbridge.shareddeal.domain;

import static com.dealbridge.shareddeal.domain.Fixtures.CRM_REP;
import static com.dealbridge.shareddeal.domain.Fixtures.PARTNER_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealbridge.sync.clock.ManualClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedDealLifecycleTest {

    private final ManualClock partnerClock = new ManualClock(1_000_000);
    private final ManualClock crmClock = new ManualClock(1_000_000);
    private final SyncPolicy policy = SyncPolicy.defaults();
    private final SyncPolicy twoWay = Fixtures.STAGE_AND_NAME_TWO_WAY;
    private final SharedDealId id = SharedDealId.random();
    private final SharedDeal partner = SharedDeal.register(Fixtures.partnerRegistration(id), Origin.PARTNER,
            partnerClock, PARTNER_USER);
    private final SharedDeal crm = SharedDeal.receive((SharedDealRegistered) partner.drainRecordedEvents().get(0),
            Origin.CRM, crmClock);

    private static final Quote QUOTE = new Quote("q-1", "Year one", new BigDecimal("998.00"), "USD",
            QuoteStatus.PUBLISHED, List.of(new QuoteLineItem("prod-1", "Helpdesk", 2, new BigDecimal("499.00"),
                    new BigDecimal("998.00"))));

    @Test
    void concurrentStageEditsConverge() {
        partner.changeStage(Stage.QUALIFIED_TO_BUY, twoWay, partnerClock, PARTNER_USER);
        crm.changeStage(Stage.CONTRACT_SENT, twoWay, crmClock, CRM_REP);
        List<SharedDealEvent> fromPartner = partner.drainRecordedEvents();
        List<SharedDealEvent> fromCrm = crm.drainRecordedEvents();

        fromCrm.forEach(event -> partner.apply(event, partnerClock, twoWay));
        fromPartner.forEach(event -> crm.apply(event, crmClock, twoWay));

        assertThat(partner.facts().stage()).isEqualTo(crm.facts().stage());
        // equal clocks: the tie goes to the later origin in declaration order (CRM)
        assertThat(partner.facts().stage()).isEqualTo(Stage.CONTRACT_SENT);
        assertThat(partner.facts().stampOf(DealFacts.F_STAGE)).isEqualTo(crm.facts().stampOf(DealFacts.F_STAGE));
    }

    @Test
    void theLaterOfTwoConcurrentEditsWinsOnBothSidesWhateverTheArrivalOrder() {
        crm.changeStage(Stage.CONTRACT_SENT, twoWay, crmClock, CRM_REP);
        partnerClock.advance(5);
        partner.changeStage(Stage.CLOSED_LOST, twoWay, partnerClock, PARTNER_USER);

        partner.drainRecordedEvents().forEach(event -> crm.apply(event, crmClock, twoWay));
        crm.drainRecordedEvents().forEach(event -> partner.apply(event, partnerClock, twoWay));

        assertThat(crm.facts().stage()).isEqualTo(Stage.CLOSED_LOST);
        assertThat(partner.facts().stage()).isEqualTo(Stage.CLOSED_LOST);
        assertThat(partner.status()).isEqualTo(DealStatus.CLOSED_LOST);
        assertThat(crm.status()).isEqualTo(DealStatus.CLOSED_LOST);
    }

    @Test
    void detailsMergeFieldByFieldSoDifferentFieldsEditedConcurrentlyBothSurvive() {
        partner.changeDetails(new DetailsChange(null, new BigDecimal("15000"), null, null), twoWay, partnerClock,
                PARTNER_USER);
        crm.changeDetails(new DetailsChange("Acme global rollout", null, null, LocalDate.parse("2027-01-31")), twoWay,
                crmClock, CRM_REP);

        crm.drainRecordedEvents().forEach(event -> partner.apply(event, partnerClock, twoWay));
        partner.drainRecordedEvents().forEach(event -> crm.apply(event, crmClock, twoWay));

        for (SharedDeal replica : List.of(partner, crm)) {
            assertThat(replica.facts().dealName()).isEqualTo("Acme global rollout");
            assertThat(replica.facts().amount()).isEqualByComparingTo("15000");
            assertThat(replica.facts().closeDate()).isEqualTo(LocalDate.parse("2027-01-31"));
        }
    }

    @Test
    void anEditThatChangesNothingRecordsNothing() {
        boolean changed = partner.changeDetails(new DetailsChange("Acme rollout", new BigDecimal("12000"), "USD",
                LocalDate.parse("2026-12-31")), policy, partnerClock, PARTNER_USER);

        assertThat(changed).isFalse();
        assertThat(partner.changeStage(Stage.APPOINTMENT_SCHEDULED, policy, partnerClock, PARTNER_USER)).isFalse();
        assertThat(partner.drainRecordedEvents()).isEmpty();
    }

    @Test
    void aForbiddenEditIsRefusedAndRecordsNothing() {
        SyncPolicy nameFromCrm = SyncPolicy.of(Map.of("deal-name", "CRM_TO_PARTNER"));

        assertThatThrownBy(() -> partner.changeDetails(new DetailsChange("Renamed", null, null, null), nameFromCrm,
                partnerClock, PARTNER_USER))
                .isInstanceOf(SyncPolicyViolation.class).hasMessageContaining("dealName is CRM_TO_PARTNER");
        assertThatThrownBy(() -> partner.changeCompensationEligibility(true, policy, partnerClock, PARTNER_USER))
                .isInstanceOf(SyncPolicyViolation.class).hasMessageContaining("partnerCompensationEligible");
        assertThatThrownBy(() -> partner.publishQuote(QUOTE, policy, partnerClock, PARTNER_USER))
                .isInstanceOf(SyncPolicyViolation.class);
        assertThat(partner.drainRecordedEvents()).isEmpty();
        assertThat(partner.facts().dealName()).isEqualTo("Acme rollout");
    }

    @Test
    void anIncomingEventThePolicyForbidsItsSenderIsRefusedWithoutRaisingTheMark() {
        partner.changeDetails(new DetailsChange("Renamed by partner", null, null, null), twoWay, partnerClock,
                PARTNER_USER);
        SharedDealEvent renamed = partner.drainRecordedEvents().get(0);
        SyncPolicy nameFromCrm = SyncPolicy.of(Map.of("deal-name", "CRM_TO_PARTNER"));

        assertThatThrownBy(() -> crm.apply(renamed, crmClock, nameFromCrm))
                .isInstanceOf(SyncPolicyViolation.class).hasMessageContaining("dealName");
        assertThat(crm.facts().dealName()).isEqualTo("Acme rollout");
        assertThat(crm.highWaterMark(Origin.PARTNER)).isEqualTo(1);
    }

    @Test
    void purchasingAQuoteClosesTheDealWonOnBothSidesWithABanner() {
        crm.publishQuote(QUOTE, policy, crmClock, CRM_REP);
        crm.purchaseQuote("q-1", policy, crmClock, CRM_REP);
        List<SharedDealEvent> events = crm.drainRecordedEvents();

        assertThat(events).extracting(SharedDealEvent::type)
                .containsExactly("QuoteChanged", "QuoteChanged", "DealStageChanged");
        events.forEach(event -> partner.apply(event, partnerClock, policy));

        assertThat(partner.facts().quotes()).singleElement().extracting(Quote::status).isEqualTo(QuoteStatus.PURCHASED);
        assertThat(partner.status()).isEqualTo(DealStatus.CLOSED_WON);
        assertThat(partner.facts().banner().type()).isEqualTo(DealStatus.CLOSED_WON);
        assertThat(partner.facts().banner().message()).contains("The customer has purchased").contains("Year one");
        assertThat(crm.purchaseQuote("q-1", policy, crmClock, CRM_REP).status()).isEqualTo(QuoteStatus.PURCHASED);
        assertThat(crm.drainRecordedEvents()).as("purchasing twice changes nothing").isEmpty();
    }

    @Test
    void closedLostHasItsOwnBannerAndActiveDealsHaveNone() {
        assertThat(partner.facts().banner()).isNull();

        crm.changeStage(Stage.CLOSED_LOST, policy, crmClock, CRM_REP);
        crm.drainRecordedEvents().forEach(event -> partner.apply(event, partnerClock, policy));

        assertThat(partner.facts().banner().type()).isEqualTo(DealStatus.CLOSED_LOST);
        assertThat(partner.facts().banner().message()).contains("closed lost");
    }

    @Test
    void withdrawalIsFinalAndReachesTheCrm() {
        assertThat(partner.withdraw("Customer went direct", partnerClock, PARTNER_USER)).isTrue();
        partner.drainRecordedEvents().forEach(event -> crm.apply(event, crmClock, policy));

        assertThat(crm.status()).isEqualTo(DealStatus.WITHDRAWN);
        assertThat(crm.facts().withdrawalReason()).isEqualTo("Customer went direct");
        assertThatThrownBy(() -> crm.changeStage(Stage.CONTRACT_SENT, policy, crmClock, CRM_REP))
                .isInstanceOf(SyncRuleViolation.class).hasMessageContaining("withdrawn");
        assertThat(partner.withdraw(null, partnerClock, PARTNER_USER)).as("again: nothing").isFalse();
    }

    @Test
    void onlyThePartnerWithdrawsAndNeverAClosedDeal() {
        assertThatThrownBy(() -> crm.withdraw(null, crmClock, CRM_REP)).isInstanceOf(SyncRuleViolation.class);

        crm.changeStage(Stage.CLOSED_WON, policy, crmClock, CRM_REP);
        crm.drainRecordedEvents().forEach(event -> partner.apply(event, partnerClock, policy));
        assertThatThrownBy(() -> partner.withdraw(null, partnerClock, PARTNER_USER))
                .isInstanceOf(SyncRuleViolation.class).hasMessageContaining("closed");
    }

    @Test
    void productInterestAndCompensationReachTheOtherSide() {
        partner.changeProductInterest(List.of("prod-2", "prod-3", "prod-2"), policy, partnerClock, PARTNER_USER);
        crm.changeCompensationEligibility(true, policy, crmClock, CRM_REP);

        partner.drainRecordedEvents().forEach(event -> crm.apply(event, crmClock, policy));
        crm.drainRecordedEvents().forEach(event -> partner.apply(event, partnerClock, policy));

        assertThat(crm.facts().productIds()).containsExactly("prod-2", "prod-3");
        assertThat(partner.facts().partnerCompensationEligible()).isTrue();
        assertThat(partner.activity()).extracting(ActivityEntry::type)
                .contains("PRODUCT_INTEREST_CHANGED", "COMPENSATION_ELIGIBILITY_CHANGED");
    }

    @Test
    void byDefaultOnlyTheCrmMovesTheStageAndThePartnerSeesIt() {
        assertThatThrownBy(() -> partner.changeStage(Stage.QUALIFIED_TO_BUY, policy, partnerClock, PARTNER_USER))
                .isInstanceOf(SyncPolicyViolation.class)
                .hasMessage("stage is CRM_TO_PARTNER: the PARTNER side may not change it (only the CRM changes it)");
        assertThat(partner.drainRecordedEvents()).isEmpty();

        crm.changeStage(Stage.PRESENTATION_SCHEDULED, policy, crmClock, CRM_REP);
        crm.drainRecordedEvents().forEach(event -> partner.apply(event, partnerClock, policy));

        assertThat(partner.facts().stage()).isEqualTo(Stage.PRESENTATION_SCHEDULED);
    }

    @Test
    void byDefaultTheDealNameIsTheRegistrationsAndNeitherSideRenamesTheSharedDeal() {
        assertThatThrownBy(() -> partner.changeDetails(new DetailsChange("Renamed", null, null, null), policy,
                partnerClock, PARTNER_USER))
                .isInstanceOf(SyncPolicyViolation.class)
                .hasMessageContaining("dealName is PARTNER_TO_CRM_AT_CREATION: the PARTNER side may not change it");
        assertThatThrownBy(() -> crm.changeDetails(new DetailsChange("Renamed", null, null, null), policy,
                crmClock, CRM_REP))
                .isInstanceOf(SyncPolicyViolation.class).hasMessageContaining("the CRM side may not change it");
        // the other details still sync both ways
        partner.changeDetails(new DetailsChange(null, new BigDecimal("15000"), null, null), policy, partnerClock,
                PARTNER_USER);
        partner.drainRecordedEvents().forEach(event -> crm.apply(event, crmClock, policy));

        assertThat(crm.facts().amount()).isEqualByComparingTo("15000");
        assertThat(crm.facts().dealName()).isEqualTo("Acme rollout");
        assertThat(partner.facts().dealName()).isEqualTo("Acme rollout");
    }
}
