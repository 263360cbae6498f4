package com.dealbridge.partner.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.avro.PartnerAccountChanged;
import com.dealbridge.contracts.serde.AvroDeserializer;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.partner.PartnerServiceIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

@PartnerServiceIntegrationTest
class CommunicationSettingsIntegrationTest {

    static final String ADMIN = PartnerServiceIntegrationTest.ADMIN_TOKEN;
    static final String PATH = "/api/settings/communication";

    @LocalServerPort
    int port;

    /** This context's broker: the system property names the JVM's newest, maybe a closed @DirtiesContext one. */
    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
    }

    @Test
    void newPartnerNotifiesItsFirstUser() {
        String partnerId = partner("Defaults Ltd");
        Map<String, String> alice = user(partnerId, "Alice Archer", "alice@defaults.example");
        user(partnerId, "Bob Brennan", "bob@defaults.example");

        ApiResponse settings = api.get(PATH, alice.get("token"));

        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        assertThat(settings.node("/notifyRegisteredLeadActivity").asBoolean()).isTrue();
        assertThat(settings.json("/recipientUserId")).isEqualTo(alice.get("id"));
        assertThat(settings.json("/recipient/email")).isEqualTo("alice@defaults.example");
    }

    @Test
    void changedSettingsAreStoredAndPublishedOnTheAccountsTopic() {
        String partnerId = partner("Published Settings Co");
        Map<String, String> alice = user(partnerId, "Alice", "alice@published-settings.example");
        Map<String, String> bob = user(partnerId, "Bob", "bob@published-settings.example");

        ApiResponse changed = api.put(PATH, bob.get("token"),
                Map.of("notifyRegisteredLeadActivity", false, "recipientUserId", bob.get("id")));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.node("/notifyRegisteredLeadActivity").asBoolean()).isFalse();
        assertThat(changed.json("/recipientUserId")).isEqualTo(bob.get("id"));
        assertThat(changed.json("/recipient/name")).isEqualTo("Bob");
        ApiResponse read = api.get(PATH, alice.get("token"));
        assertThat(read.node("/notifyRegisteredLeadActivity").asBoolean()).isFalse();
        assertThat(read.json("/recipientUserId")).isEqualTo(bob.get("id"));

        PartnerAccountChanged published = awaitAccount(partnerId,
                account -> bob.get("id").equals(account.getNotificationRecipientUserId()));
        assertThat(published.getNotifyRegisteredLeadActivity()).isFalse();
        assertThat(published.getRevision()).as("creation, two users, the settings").isEqualTo(4);
    }

    @Test
    void aRecipientWhoIsNotAUserOfThePartnerIsUnprocessableAndChangesNothing() {
        String partnerId = partner("Strict Settings Ltd");
        Map<String, String> alice = user(partnerId, "Alice", "alice@strict.example");
        String otherPartner = partner("Other Partner Ltd");
        Map<String, String> stranger = user(otherPartner, "Stranger", "stranger@other.example");

        for (String recipient : List.of(stranger.get("id"), UUID.randomUUID().toString())) {
            ApiResponse refused = api.put(PATH, alice.get("token"),
                    Map.of("notifyRegisteredLeadActivity", false, "recipientUserId", recipient));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.node("/errors").findValuesAsString("field")).containsExactly("recipientUserId");
        }

        ApiResponse settings = api.get(PATH, alice.get("token"));
        assertThat(settings.node("/notifyRegisteredLeadActivity").asBoolean()).isTrue();
        assertThat(settings.json("/recipientUserId")).isEqualTo(alice.get("id"));
    }

    @Test
    void incompleteOrMalformedBodiesAreRefusedWithProblems() {
        String partnerId = partner("Sloppy Input Ltd");
        String token = user(partnerId, "Alice", "alice@sloppy.example").get("token");
        Map<String, Object> noToggle = new HashMap<>();
        noToggle.put("recipientUserId", "x");

        ApiResponse missing = api.put(PATH, token, noToggle);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(422);
        assertThat(missing.node("/errors").findValuesAsString("field")).containsExactly("notifyRegisteredLeadActivity");

        ApiResponse noRecipient = api.put(PATH, token, Map.of("notifyRegisteredLeadActivity", true));
        assertThat(noRecipient.status()).as(noRecipient.toString()).isEqualTo(422);
        assertThat(noRecipient.node("/errors").findValuesAsString("field")).containsExactly("recipientUserId");

        ApiResponse malformed = api.put(PATH, token, "{\"notifyRegisteredLeadActivity\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();

        assertThat(api.get(PATH, null).status()).isEqualTo(401);
        assertThat(api.get(PATH, ADMIN).status()).as("the admin token does not open /api").isEqualTo(403);
    }

    private String partner(String name) {
        ApiResponse partner = api.post("/admin/partners", ADMIN, Map.of("name", name, "capacityLimit", 3));
        assertThat(partner.status()).as(partner.toString()).isEqualTo(201);
        return partner.json("/id");
    }

    private Map<String, String> user(String partnerId, String name, String email) {
        ApiResponse user = api.post("/admin/partners/" + partnerId + "/users", ADMIN,
                Map.of("name", name, "email", email));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        return Map.of("id", user.json("/id"), "token", user.json("/token"));
    }

    private PartnerAccountChanged awaitAccount(String partnerId,
                                               java.util.function.Predicate<PartnerAccountChanged> wanted) {
        List<PartnerAccountChanged> received = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new AvroDeserializer())) {
            consumer.subscribe(List.of(Topics.PARTNER_ACCOUNTS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    if (partnerId.equals(record.key())) {
                        received.add((PartnerAccountChanged) record.value());
                    }
                }
                return received.stream().anyMatch(wanted);
            });
        }
        return received.stream().filter(wanted).findFirst().orElseThrow();
    }
}
