package com.dealbridge.crm.rep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.avro.ProductChanged;
import com.dealbridge.contracts.serde.AvroDeserializer;
import com.dealbridge.crm.CrmServiceIntegrationTest;
import com.dealbridge.crm.TestReps;
import com.dealbridge.kit.security.Tokens;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PagingAssertions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
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

@CrmServiceIntegrationTest
class SalesRepAndProductIntegrationTest {

    static final String ADMIN = CrmServiceIntegrationTest.ADMIN_TOKEN;

    @LocalServerPort
    int port;

    /** This context's broker: the system property names the JVM's newest, maybe a closed @DirtiesContext one. */
    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Autowired
    SalesReps reps;

    @Autowired
    MongoOperations mongo;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
    }

    @Test
    void aRepsTokenExpiresReplacedOrRevokedIsRefused() {
        ApiResponse rep = api.post("/admin/sales-reps", ADMIN, Map.of("name", "Tom Token", "email",
                UUID.randomUUID() + "@vendor.example"));
        assertThat(Instant.parse(rep.json("/tokenExpiresAt"))).isAfter(Instant.now().plus(Duration.ofDays(89)));
        String first = rep.json("/token");
        assertThat(api.get("/api/me", first).status()).isEqualTo(200);

        ApiResponse replaced = api.post("/admin/sales-reps/" + rep.json("/id") + "/token", ADMIN, Map.of());
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(201);
        String second = replaced.json("/token");
        assertThat(api.get("/api/me", first).status()).isEqualTo(401);
        assertThat(api.get("/api/me", second).json("/id")).isEqualTo(rep.json("/id"));

        assertThat(api.delete("/admin/sales-reps/" + rep.json("/id") + "/token", ADMIN).status()).isEqualTo(204);
        assertThat(api.get("/api/me", second).status()).isEqualTo(401);
        assertThat(api.delete("/admin/sales-reps/no-such-rep/token", ADMIN).status()).isEqualTo(404);

        String third = api.post("/admin/sales-reps/" + rep.json("/id") + "/token", ADMIN, Map.of()).json("/token");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(rep.json("/id"))),
                Update.update("tokenExpiresAt", Instant.now().minusSeconds(1)), SalesRepDocument.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/me", third).status() == 401);
    }

    @Test
    void adminCreatesRepWhoseTokenWorks() {
        String email = UUID.randomUUID() + "@vendor.example";
        ApiResponse rep = api.post("/admin/sales-reps", ADMIN, Map.of("name", "Rita Reyes", "email", email));
        assertThat(rep.status()).as(rep.toString()).isEqualTo(201);
        assertThat(rep.json("/name")).isEqualTo("Rita Reyes");
        assertThat(rep.json("/email")).isEqualTo(email);
        String token = rep.json("/token");
        assertThat(token).startsWith(Tokens.PREFIX);

        ApiResponse me = api.get("/api/me", token);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json("/id")).isEqualTo(rep.json("/id"));
        assertThat(api.get("/api/products", token).status()).isEqualTo(200);
        assertThat(reps.active()).extracting(SalesRep::id).contains(rep.json("/id"));
        assertThat(reps.find(rep.json("/id"))).hasValueSatisfying(found -> assertThat(found.active()).isTrue());

        assertThat(api.get("/api/products", Tokens.newToken()).status()).isEqualTo(401);
        assertThat(api.get("/api/products", ADMIN).status()).isEqualTo(403);
        assertThat(api.post("/admin/sales-reps", token, Map.of("name", "Self-made", "email", "x@vendor.example"))
                .status()).isEqualTo(403);

        ApiResponse duplicate = api.post("/admin/sales-reps", ADMIN,
                Map.of("name", "Rita Again", "email", email.toUpperCase()));
        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
        assertThat(duplicate.isProblem()).isTrue();
    }

    @Test
    void createdProductIsPublishedToTheCatalogueTopic() {
        String sku = "PLAN-" + UUID.randomUUID();
        ApiResponse product = api.post("/admin/products", ADMIN,
                Map.of("name", "Enterprise plan", "sku", sku, "unitPrice", "999"));
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        assertThat(product.json("/unitPrice")).isEqualTo("999.00");
        assertThat(product.json("/currency")).isEqualTo("USD");
        assertThat(product.json("/active")).isEqualTo("true");
        String productId = product.json("/id");

        ApiResponse listed = api.get("/api/products", TestReps.createToken(api));
        assertThat(listed.node("/items").findValuesAsString("id")).contains(productId);

        AtomicReference<ProductChanged> published = new AtomicReference<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.CRM_PRODUCTS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    if (productId.equals(record.key())) {
                        published.set((ProductChanged) record.value());
                    }
                }
                return published.get() != null;
            });
        }
        assertThat(published.get().getProductId()).isEqualTo(productId);
        assertThat(published.get().getName()).isEqualTo("Enterprise plan");
        assertThat(published.get().getSku()).isEqualTo(sku);
        assertThat(published.get().getUnitPrice()).isEqualTo("999.00");
        assertThat(published.get().getActive()).isTrue();
        assertThat(published.get().getRevision()).isEqualTo(1);
    }

    @Test
    void productsArePagedByNameWithTheirTotal() {
        // '!' sorts before the letters and digits other tests' products start with, so these three come first.
        String tag = "!" + UUID.randomUUID();
        List<String> created = new ArrayList<>();
        for (String letter : List.of("A", "B", "C")) {
            ApiResponse product = api.post("/admin/products", ADMIN, Map.of("name", tag + " " + letter,
                    "sku", "PAGED-" + UUID.randomUUID(), "unitPrice", "10"));
            assertThat(product.status()).as(product.toString()).isEqualTo(201);
            created.add(product.json("/id"));
        }
        String token = TestReps.createToken(api);

        ApiResponse first = api.get("/api/products?size=2&page=0", token);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(PagingAssertions.ids(first)).containsExactlyElementsOf(created.subList(0, 2));
        long total = first.node("/total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(first.node("/page").asInt()).isZero();
        assertThat(first.node("/size").asInt()).isEqualTo(2);
        ApiResponse second = api.get("/api/products?size=2&page=1", token);
        assertThat(PagingAssertions.ids(second).get(0)).isEqualTo(created.get(2));
        assertThat(second.size("/items")).isEqualTo((int) Math.min(2, total - 2));
        assertThat(second.node("/total").asLong()).isEqualTo(total);

        PagingAssertions.refusesBadPaging(api, "/api/products", token);
    }

    @Test
    void duplicateSkuIsConflictAndInvalidProductsAreRefused() {
        String sku = "SRV-" + UUID.randomUUID();
        assertThat(api.post("/admin/products", ADMIN, Map.of("name", "Onboarding", "sku", sku, "unitPrice", 1500))
                .status()).isEqualTo(201);

        ApiResponse duplicate = api.post("/admin/products", ADMIN,
                Map.of("name", "Onboarding again", "sku", sku.toLowerCase(), "unitPrice", "1.00"));
        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
        assertThat(duplicate.isProblem()).isTrue();
        assertThat(duplicate.json("/detail")).contains("SKU");

        ApiResponse invalid = api.post("/admin/products", ADMIN,
                Map.of("name", "Broken", "sku", " ", "unitPrice", "-1", "currency", "EURO"));
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(422);
        assertThat(invalid.node("/errors").findValuesAsString("field"))
                .contains("sku", "unitPrice", "currency");

        assertThat(api.post("/admin/products", ADMIN, Map.of("name", "Fraction", "sku", "F-1", "unitPrice", "0.001"))
                .status()).isEqualTo(422);
        assertThat(api.post("/admin/products", ADMIN, "{\"name\": \"x\",").status()).isEqualTo(400);
    }

    private KafkaConsumer<String, SpecificRecord> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new AvroDeserializer());
    }
}
