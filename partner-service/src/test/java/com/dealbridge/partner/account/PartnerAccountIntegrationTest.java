package com.dealbridge.partner.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.avro.PartnerAccountChanged;
import com.dealbridge.contracts.avro.PersonRef;
import com.dealbridge.contracts.serde.AvroDeserializer;
import com.dealbridge.kit.security.Tokens;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.partner.PartnerServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;


@PartnerServiceIntegrationTest
class PartnerAccountIntegrationTest {

    static final String ADMIN = PartnerServiceIntegrationTest.ADMIN_TOKEN;

    @LocalServerPort
    int port;

    /** This context's broker: the system property names the JVM's newest, maybe a closed @DirtiesContext one. */
    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Autowired
    MongoOperations mongo;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
    }

    @Test
    void adminCreatesPartnerAndUserWhoseTokenOpensMe() {
        ApiResponse partner = api.post("/admin/partners", ADMIN, Map.of("name", "Acme Partners", "capacityLimit", 5));
        assertThat(partner.status()).as(partner.toString()).isEqualTo(201);
        assertThat(partner.json("/name")).isEqualTo("Acme Partners");
        assertThat(partner.node("/capacityLimit").asInt()).isEqualTo(5);
        String partnerId = partner.json("/id");
        assertThat(UUID.fromString(partnerId)).isNotNull();

        ApiResponse user = api.post("/admin/partners/" + partnerId + "/users", ADMIN,
                Map.of("name", "Alice Archer", "email", "alice@acme.example"));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        assertThat(user.json("/partnerId")).isEqualTo(partnerId);
        assertThat(user.json("/email")).isEqualTo("alice@acme.example");
        String token = user.json("/token");
        assertThat(token).startsWith(Tokens.PREFIX);

        ApiResponse me = api.get("/api/me", token);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json("/id")).isEqualTo(user.json("/id"));
        assertThat(me.json("/partnerId")).isEqualTo(partnerId);
        assertThat(me.json("/name")).isEqualTo("Alice Archer");
        assertThat(me.json("/email")).isEqualTo("alice@acme.example");
        assertThat(me.node("/token").isMissingNode()).as("the token is shown once only").isTrue();
    }

    @Test
    void aUserTokenExpiresAfterTheConfiguredTimeAndIsRefusedOnceExpired() {
        String partnerId = api.post("/admin/partners", ADMIN, Map.of("name", "Expiry Ltd", "capacityLimit", 1))
                .json("/id");
        ApiResponse user = api.post("/admin/partners/" + partnerId + "/users", ADMIN,
                Map.of("name", "Ellis", "email", "ellis@expiry.example"));
        Instant expiresAt = Instant.parse(user.json("/tokenExpiresAt"));
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofDays(89)), Instant.now().plus(Duration.ofDays(91)));
        String token = user.json("/token");
        assertThat(api.get("/api/me", token).status()).isEqualTo(200);

        mongo.updateFirst(Query.query(Criteria.where("_id").is(user.json("/id"))),
                Update.update("tokenExpiresAt", Instant.now().minusSeconds(1)), PartnerUserDocument.class);

        // within the caller cache's 2 s the instance may still know the token; then it is refused
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/me", token).status() == 401);
        assertThat(api.get("/api/me", token).json("/detail")).contains("expired");
    }

    @Test
    void aReplacedTokenIsRefusedAtOnceAndTheNewOneWorks() {
        String partnerId = api.post("/admin/partners", ADMIN, Map.of("name", "Rotate Ltd", "capacityLimit", 1))
                .json("/id");
        ApiResponse user = api.post("/admin/partners/" + partnerId + "/users", ADMIN,
                Map.of("name", "Rory", "email", "rory@rotate.example"));
        String old = user.json("/token");
        assertThat(api.get("/api/me", old).status()).isEqualTo(200);

        ApiResponse replaced = api.post("/admin/partners/" + partnerId + "/users/" + user.json("/id") + "/token",
                ADMIN, Map.of());

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(201);
        assertThat(replaced.json("/token")).startsWith(Tokens.PREFIX).isNotEqualTo(old);
        assertThat(replaced.json("/tokenExpiresAt")).isNotNull();
        assertThat(api.get("/api/me", old).status()).isEqualTo(401);
        assertThat(api.get("/api/me", replaced.json("/token")).json("/id")).isEqualTo(user.json("/id"));
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        String partnerId = api.post("/admin/partners", ADMIN, Map.of("name", "Revoke Ltd", "capacityLimit", 1))
                .json("/id");
        ApiResponse user = api.post("/admin/partners/" + partnerId + "/users", ADMIN,
                Map.of("name", "Reva", "email", "reva@revoke.example"));
        String token = user.json("/token");
        assertThat(api.get("/api/me", token).status()).isEqualTo(200);

        assertThat(api.delete("/admin/partners/" + partnerId + "/users/" + user.json("/id") + "/token", ADMIN)
                .status()).isEqualTo(204);

        assertThat(api.get("/api/me", token).status()).isEqualTo(401);
        assertThat(api.delete("/admin/partners/" + partnerId + "/users/no-such-user/token", ADMIN).status())
                .isEqualTo(404);
        assertThat(api.post("/admin/partners/" + partnerId + "/users/" + user.json("/id") + "/token", token,
                Map.of()).status()).as("a user cannot issue tokens").isEqualTo(401);
    }

    @Test
    void refusesWrongTokensAndRoles() {
        ApiResponse partner = api.post("/admin/partners", ADMIN, Map.of("name", "Roles Ltd", "capacityLimit", 1));
        String token = api.post("/admin/partners/" + partner.json("/id") + "/users", ADMIN,
                Map.of("name", "Rolf", "email", "rolf@roles.example")).json("/token");

        ApiResponse unknown = api.get("/api/me", Tokens.newToken());
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.isProblem()).isTrue();

        ApiResponse adminOnApi = api.get("/api/me", ADMIN);
        assertThat(adminOnApi.status()).isEqualTo(403);
        assertThat(adminOnApi.isProblem()).isTrue();

        ApiResponse userOnAdmin = api.post("/admin/partners", token, Map.of("name", "Sneaky", "capacityLimit", 1));
        assertThat(userOnAdmin.status()).isEqualTo(403);
    }

    @Test
    void duplicateEmailIsConflictAndUnknownPartnerIsNotFound() {
        String partnerId = api.post("/admin/partners", ADMIN, Map.of("name", "Dup Inc", "capacityLimit", 2))
                .json("/id");
        assertThat(api.post("/admin/partners/" + partnerId + "/users", ADMIN,
                Map.of("name", "Dana", "email", "dana@dup.example")).status()).isEqualTo(201);

        ApiResponse duplicate = api.post("/admin/partners/" + partnerId + "/users", ADMIN,
                Map.of("name", "Dana Again", "email", "DANA@dup.example"));
        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
        assertThat(duplicate.isProblem()).isTrue();
        assertThat(duplicate.json("/detail")).contains("DANA@dup.example");

        ApiResponse unknownPartner = api.post("/admin/partners/" + UUID.randomUUID() + "/users", ADMIN,
                Map.of("name", "Nobody", "email", "nobody@dup.example"));
        assertThat(unknownPartner.status()).isEqualTo(404);
        assertThat(unknownPartner.isProblem()).isTrue();
    }

    @Test
    void invalidAdminBodiesAreUnprocessableWithFieldErrors() {
        ApiResponse partner = api.post("/admin/partners", ADMIN, Map.of("name", " ", "capacityLimit", -1));
        assertThat(partner.status()).as(partner.toString()).isEqualTo(422);
        assertThat(partner.isProblem()).isTrue();
        assertThat(partner.node("/errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "capacityLimit");

        ApiResponse malformed = api.post("/admin/partners", ADMIN, "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
    }

    @Test
    void everyAccountChangeIsPublishedWithAHigherRevision() {
        String partnerId = api.post("/admin/partners", ADMIN, Map.of("name", "Published Co", "capacityLimit", 4))
                .json("/id");
        ApiResponse user = api.post("/admin/partners/" + partnerId + "/users", ADMIN,
                Map.of("name", "Paula", "email", "paula@published.example"));
        String userId = user.json("/id");

        List<PartnerAccountChanged> received = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = accountsConsumer()) {
            consumer.subscribe(List.of(Topics.PARTNER_ACCOUNTS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    if (partnerId.equals(record.key())) {
                        received.add((PartnerAccountChanged) record.value());
                    }
                }
                return received.stream().anyMatch(account -> account.getRevision() == 2);
            });
        }

        PartnerAccountChanged created = received.get(0);
        assertThat(created.getRevision()).isEqualTo(1);
        assertThat(created.getName()).isEqualTo("Published Co");
        assertThat(created.getCapacityLimit()).isEqualTo(4);
        assertThat(created.getUsers()).isEmpty();

        PartnerAccountChanged withUser = received.stream().filter(account -> account.getRevision() == 2)
                .findFirst().orElseThrow();
        assertThat(withUser.getPartnerId()).isEqualTo(partnerId);
        assertThat(withUser.getUsers()).extracting(PersonRef::getId, PersonRef::getName, PersonRef::getEmail)
                .containsExactly(tuple(userId, "Paula", "paula@published.example"));
        assertThat(withUser.getNotificationRecipientUserId())
                .as("the first user becomes the notification recipient").isEqualTo(userId);
        assertThat(withUser.getChangedAt()).isAfterOrEqualTo(created.getChangedAt());
    }

    private KafkaConsumer<String, SpecificRecord> accountsConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new AvroDeserializer());
    }
}
