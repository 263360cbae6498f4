package com.dealbridge.shareddeal.it;

import static com.dealbridge.shareddeal.domain.Fixtures.CRM_REP;
import static com.dealbridge.shareddeal.domain.Fixtures.PARTNER_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.shareddeal.domain.DealStatus;
import com.dealbridge.shareddeal.domain.DetailsChange;
import com.dealbridge.shareddeal.domain.Fixtures;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.Quote;
import com.dealbridge.shareddeal.domain.QuoteLineItem;
import com.dealbridge.shareddeal.domain.QuoteStatus;
import com.dealbridge.shareddeal.domain.SharedDeal;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.domain.SyncPolicy;
import com.dealbridge.shareddeal.store.SharedDeals;
import com.dealbridge.shareddeal.store.SyncRuleConflictException;
import com.dealbridge.sync.clock.ManualClock;
import com.dealbridge.sync.deadletter.DeadLetter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The per-field sync policy on the PARTNER side, the deal name set at creation only (configured explicitly, as it
 * is also the default), the stage the CRM's: a local change it forbids is refused with nothing published, a remote one is dead-lettered with the reason, and the
 * lifecycle events it allows travel and are stored.
 */
@SpringBootTest(classes = EngineTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "dealbridge.sync.side=PARTNER",
                "dealbridge.sync.fields.deal-name=PARTNER_TO_CRM_AT_CREATION",
                "dealbridge.sync.relay.sweep-interval=300ms",
                "dealbridge.sync.inbox.retries=1",
                "dealbridge.sync.inbox.initial-backoff=50ms",
                "dealbridge.mongodb.embedded.enabled=true",
                "dealbridge.security.admin-token=engine-test-admin",
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka(partitions = 1)
class SyncPolicyIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final SyncPolicy CRM_POLICY = SyncPolicy.defaults();

    @Autowired
    SharedDeals sharedDeals;
    @Autowired
    MongoOperations mongo;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private OtherSide crm;
    private final ManualClock crmClock = new ManualClock(System.currentTimeMillis());

    @BeforeEach
    void connectTheOtherSide() {
        crm = new OtherSide(brokers, Topics.PARTNER_SHARED_DEAL_EVENTS);
    }

    @AfterEach
    void disconnect() {
        crm.close();
    }

    @Test
    void theConfiguredPolicyIsTheStoresPolicy() {
        assertThat(sharedDeals.policy()).isEqualTo(SyncPolicy.of(Map.of("dealName", "PARTNER_TO_CRM_AT_CREATION")));
    }

    @Test
    void aLocalChangeThePolicyForbidsIsRefusedAndNothingIsPublished() {
        SharedDealId id = SharedDealId.random();
        registerHere(id);

        assertThatThrownBy(() -> sharedDeals.change(id, (document, clock) -> document.deal().changeDetails(
                new DetailsChange("Renamed", null, null, null), sharedDeals.policy(), clock, PARTNER_USER)))
                .isInstanceOf(SyncRuleConflictException.class)
                .hasMessageContaining("dealName is PARTNER_TO_CRM_AT_CREATION");
        assertThatThrownBy(() -> sharedDeals.change(id, (document, clock) -> document.deal().changeStage(
                Stage.QUALIFIED_TO_BUY, sharedDeals.policy(), clock, PARTNER_USER)))
                .isInstanceOf(SyncRuleConflictException.class).hasMessageContaining("stage is CRM_TO_PARTNER");
        sharedDeals.change(id, (document, clock) -> document.deal().changeDetails(
                new DetailsChange(null, new BigDecimal("15000.00"), null, null), sharedDeals.policy(), clock,
                PARTNER_USER));

        List<SharedDealEvent> published = receivedFor(id, 1);
        assertThat(published).extracting(SharedDealEvent::type).containsExactly("DealDetailsChanged");
        assertThat(deal(id).facts().dealName()).isEqualTo("Acme rollout");
        assertThat(deal(id).localSequence()).isEqualTo(2);
    }

    @Test
    void aRemoteChangeThisSidesPolicyForbidsIsDeadLetteredWithTheReason() {
        SharedDealId id = SharedDealId.random();
        SharedDeal crmReplica = SharedDeal.receive(registerHere(id), Origin.CRM, crmClock);
        // a CRM side misconfigured to let reps rename shared deals
        crmReplica.changeDetails(new DetailsChange("Renamed by the CRM", null, null, null),
                Fixtures.STAGE_AND_NAME_TWO_WAY, crmClock, CRM_REP);

        crm.send(Topics.CRM_SHARED_DEAL_EVENTS, crmReplica.drainRecordedEvents().get(0));

        await().atMost(WAIT).until(() -> mongo.findAll(DeadLetter.class).stream()
                .anyMatch(letter -> id.value().equals(letter.key())));
        DeadLetter letter = mongo.findAll(DeadLetter.class).stream().filter(l -> id.value().equals(l.key()))
                .findFirst().orElseThrow();
        assertThat(letter.reason()).contains("refused by this side's sync policy")
                .contains("dealName is PARTNER_TO_CRM_AT_CREATION");
        assertThat(deal(id).facts().dealName()).isEqualTo("Acme rollout");
        assertThat(deal(id).highWaterMark(Origin.CRM)).isZero();
    }

    @Test
    void quotesStageAndCompensationFromTheCrmAreAppliedAndStored() {
        SharedDealId id = SharedDealId.random();
        SharedDeal crmReplica = SharedDeal.receive(registerHere(id), Origin.CRM, crmClock);
        Quote quote = new Quote("q-" + id, "Year one", new BigDecimal("998.00"), "USD", QuoteStatus.PUBLISHED,
                List.of(new QuoteLineItem("prod-1", "Helpdesk", 2, new BigDecimal("499.00"),
                        new BigDecimal("998.00"))));
        crmReplica.publishQuote(quote, CRM_POLICY, crmClock, CRM_REP);
        crmReplica.changeCompensationEligibility(true, CRM_POLICY, crmClock, CRM_REP);
        crmReplica.purchaseQuote(quote.id(), CRM_POLICY, crmClock, CRM_REP);

        crmReplica.drainRecordedEvents().forEach(event -> crm.send(Topics.CRM_SHARED_DEAL_EVENTS, event));

        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 4);
        SharedDeal stored = deal(id);
        assertThat(stored.facts().quotes()).singleElement().satisfies(q -> {
            assertThat(q.status()).isEqualTo(QuoteStatus.PURCHASED);
            assertThat(q.amount()).isEqualByComparingTo("998.00");
            assertThat(q.lineItems()).singleElement().extracting(QuoteLineItem::quantity).isEqualTo(2);
        });
        assertThat(stored.facts().partnerCompensationEligible()).isTrue();
        assertThat(stored.status()).isEqualTo(DealStatus.CLOSED_WON);
        assertThat(sharedDeals.findByQuoteId(quote.id())).map(d -> d.id()).contains(id.value());
        assertThat(sharedDeals.countActive("partner-1")).isNotNegative();
    }

    @Test
    void anInvalidPolicyStopsTheStartUp() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(EngineTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("dealbridge.sync.side=PARTNER", "dealbridge.sync.fields.stage=SOMETIMES",
                        "dealbridge.mongodb.embedded.enabled=true", "dealbridge.security.admin-token=x",
                        "spring.kafka.bootstrap-servers=" + brokers)
                .run().close())
                .hasRootCauseMessage("invalid dealbridge.sync.fields: stage: unknown policy 'SOMETIMES' (one of "
                        + "[TWO_WAY, CRM_TO_PARTNER, PARTNER_TO_CRM_AT_CREATION])");
    }

    private SharedDealRegistered registerHere(SharedDealId id) {
        sharedDeals.register(Fixtures.partnerRegistration(id), PARTNER_USER, null);
        return (SharedDealRegistered) receivedFor(id, 1).get(0);
    }

    private SharedDeal deal(SharedDealId id) {
        return sharedDeals.find(id).orElseThrow().deal();
    }

    private List<SharedDealEvent> receivedFor(SharedDealId id, int count) {
        List<SharedDealEvent> received = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            crm.poll().stream()
                    .filter(r -> r.topic().equals(Topics.PARTNER_SHARED_DEAL_EVENTS) && id.value().equals(r.key()))
                    .map(crm::decode).forEach(received::add);
            return received.size() >= count;
        });
        return received;
    }
}
