package com.dealbridge.crm.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.avro.PartnerAccountChanged;
import com.dealbridge.contracts.avro.PersonRef;
import com.dealbridge.contracts.serde.AvroSerializer;
import com.dealbridge.crm.CrmServiceIntegrationTest;
import com.dealbridge.crm.TestReps;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.PagingAssertions;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.Registration;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CrmServiceIntegrationTest
class PartnerDirectoryIntegrationTest {

    @LocalServerPort
    int port;

    /** This context's broker: the system property names the JVM's newest, maybe a closed @DirtiesContext one. */
    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Autowired
    PartnerDirectory directory;

    @Autowired
    SharedDeals sharedDeals;

    ApiClient api;
    String token;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        token = TestReps.createToken(api);
    }

    @Test
    void partnersFromTheAccountsTopicAreListedAndOlderRevisionsNeverWin() throws Exception {
        String partnerId = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        PersonRef alice = new PersonRef("u-alice", "Alice Archer", "alice@acme.example");
        PersonRef bob = new PersonRef("u-bob", "Bob Brennan", "bob@acme.example");
        try (KafkaProducer<String, SpecificRecord> producer = producer()) {
            send(producer, account(partnerId, "Acme Partners", 5, List.of(alice, bob), "u-bob", 3));
            send(producer, account(partnerId, "Acme (stale)", 1, List.of(alice), "u-alice", 2));
            // One partition, one consumer: once the marker is stored, everything sent before it was handled.
            send(producer, account(marker, "Marker", 0, List.of(), null, 1));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> listed().containsKey(marker));

        JsonNode acme = listed().get(partnerId);
        assertThat(acme.get("name").asString()).isEqualTo("Acme Partners");
        assertThat(acme.get("capacityLimit").asInt()).isEqualTo(5);
        assertThat(acme.get("activeDealRegistrations").asInt()).isZero();
        assertThat(acme.get("notificationRecipientUserId").asString()).isEqualTo("u-bob");
        assertThat(acme.get("users").findValuesAsString("email"))
                .containsExactly("alice@acme.example", "bob@acme.example");
        assertThat(directory.find(partnerId)).hasValueSatisfying(known -> {
            assertThat(known.revision()).isEqualTo(3);
            assertThat(known.user("u-alice")).contains(new KnownUser("u-alice", "Alice Archer", "alice@acme.example"));
        });

        sharedDeals.register(new Registration(SharedDealId.random(), partnerId, Origin.CRM, "Converted deal",
                new BigDecimal("10.00"), "USD", LocalDate.parse("2026-12-31"), Stage.QUALIFIED_TO_BUY, null, null,
                null, "Welcome", List.of(), new com.dealbridge.shareddeal.domain.PersonRef("u-bob", "Bob Brennan",
                "bob@acme.example"), new com.dealbridge.shareddeal.domain.PersonRef("r-1", "Rita", "rita@vendor.example"),
                "DEAL"), new Actor(ActorType.CRM_USER, "r-1", "Rita"), UUID.randomUUID().toString());
        assertThat(listed().get(partnerId).get("activeDealRegistrations").asInt()).isEqualTo(1);
    }

    @Test
    void partnersArePagedByNameWithTheActiveRegistrationsOfEach() throws Exception {
        // '!' sorts before the letters and digits other tests' partners start with, so these three come first.
        String tag = "!" + UUID.randomUUID();
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        try (KafkaProducer<String, SpecificRecord> producer = producer()) {
            send(producer, account(ids.get(2), tag + " C", 3, List.of(), null, 1));
            send(producer, account(ids.get(0), tag + " A", 3, List.of(), null, 1));
            send(producer, account(ids.get(1), tag + " B", 3, List.of(), null, 1));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> listed().keySet().containsAll(ids));
        register(ids.get(1));
        register(ids.get(1));
        register(ids.get(2));

        var first = api.get("/api/partners?size=2&page=0", token);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(PagingAssertions.ids(first)).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.node("/items/0/activeDealRegistrations").asInt()).isZero();
        assertThat(first.node("/items/1/activeDealRegistrations").asInt()).isEqualTo(2);
        long total = first.node("/total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(first.node("/page").asInt()).isZero();
        assertThat(first.node("/size").asInt()).isEqualTo(2);
        var second = api.get("/api/partners?size=2&page=1", token);
        assertThat(PagingAssertions.ids(second).get(0)).isEqualTo(ids.get(2));
        assertThat(second.node("/items/0/activeDealRegistrations").asInt()).isEqualTo(1);
        assertThat(second.size("/items")).isEqualTo((int) Math.min(2, total - 2));
        assertThat(second.node("/total").asLong()).isEqualTo(total);

        PagingAssertions.refusesBadPaging(api, "/api/partners", token);
    }

    private void register(String partnerId) {
        var rep = new com.dealbridge.shareddeal.domain.PersonRef("r-1", "Rita", "rita@vendor.example");
        sharedDeals.register(new Registration(SharedDealId.random(), partnerId, Origin.CRM, "Converted deal",
                new BigDecimal("10.00"), "USD", LocalDate.parse("2026-12-31"), Stage.QUALIFIED_TO_BUY, null, null,
                null, "Welcome", List.of(), rep, rep, "DEAL"), new Actor(ActorType.CRM_USER, "r-1", "Rita"),
                UUID.randomUUID().toString());
    }

    private Map<String, JsonNode> listed() {
        var partners = api.get("/api/partners?size=500", token);
        assertThat(partners.status()).as(partners.toString()).isEqualTo(200);
        assertThat(partners.node("/total").asInt()).isEqualTo(partners.size("/items"));
        Map<String, JsonNode> byId = new HashMap<>();
        partners.node("/items").forEach(item -> byId.put(item.get("id").asString(), item));
        return byId;
    }

    private static PartnerAccountChanged account(String id, String name, int capacity, List<PersonRef> users,
            String recipient, long revision) {
        return PartnerAccountChanged.newBuilder().setPartnerId(id).setName(name).setCapacityLimit(capacity)
                .setUsers(users).setNotificationRecipientUserId(recipient).setNotifyRegisteredLeadActivity(true)
                .setRevision(revision).setChangedAt(Instant.now()).build();
    }

    private static void send(KafkaProducer<String, SpecificRecord> producer, PartnerAccountChanged account)
            throws Exception {
        producer.send(new ProducerRecord<>(Topics.PARTNER_ACCOUNTS, account.getPartnerId(), account)).get();
    }

    private KafkaProducer<String, SpecificRecord> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new AvroSerializer());
    }
}
