package com.dealbridge.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.Registration;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Amounts, prices and quote totals (at most 15 integer digits and 2 decimals, no exponent that expands beyond them)
 * and dates (years 1900–9999) are bounded on every CRM endpoint that takes them, and a refused request writes
 * nothing.
 */
@CrmServiceIntegrationTest
class InputBoundsIntegrationTest {

    /** Out of range, each as the JSON text of the value. */
    static final List<String> BAD_AMOUNTS = List.of("\"1E+2000000\"", "1E+2000000", "1E+400", "\"1e400\"",
            "1E+999999999", "1234567890123456", "\"1234567890123456.00\"", "0.001", "-1");
    static final List<String> BAD_DATES = List.of("+999999999-12-31", "-999999999-01-01", "1899-12-31",
            "+10000-01-01", "0000-01-01");

    @LocalServerPort
    int port;

    @Autowired
    SharedDeals sharedDeals;

    @Autowired
    MongoTemplate mongo;

    ApiClient api;
    String token;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        token = TestReps.createToken(api);
    }

    @Test
    void aDealWithACloseDateOrAmountOutOfRangeIs422AndIsNotCreated() {
        long before = api.get("/api/deals", token).node("/total").asLong();
        for (String date : BAD_DATES) {
            ApiResponse refused = api.post("/api/deals", token, deal("\"100.00\"", "\"" + date + "\""));
            assertThat(refused.status()).as(date + ": " + refused).isEqualTo(422);
            assertThat(refused.node("/errors").findValuesAsString("field")).contains("closeDate");
        }
        for (String amount : BAD_AMOUNTS) {
            long start = System.nanoTime();
            ApiResponse refused = api.post("/api/deals", token, deal(amount, "\"2027-06-30\""));
            assertThat(refused.status()).as(amount + ": " + refused).isIn(400, 422);
            assertThat(refused.isProblem()).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).as(amount + " answered quickly").isLessThan(2000);
        }
        assertThat(api.get("/api/deals", token).node("/total").asLong()).isEqualTo(before);
    }

    @Test
    void aProductWithAPriceOutOfRangeIs422AndIsNotCreated() {
        long before = api.get("/api/products", token).node("/total").asLong();
        for (String price : BAD_AMOUNTS) {
            ApiResponse refused = api.send("POST", "/admin/products", CrmServiceIntegrationTest.ADMIN_TOKEN,
                    "{\"name\":\"Bounded\",\"sku\":\"B-" + UUID.randomUUID() + "\",\"unitPrice\":" + price + "}");
            assertThat(refused.status()).as(price + ": " + refused).isIn(400, 422);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(api.get("/api/products", token).node("/total").asLong()).isEqualTo(before);
    }

    @Test
    void aQuoteWhoseTotalExceeds15IntegerDigitsIs422AndChangesNothing() {
        String productId = api.post("/admin/products", CrmServiceIntegrationTest.ADMIN_TOKEN, Map.of("name",
                "Priciest", "sku", "P-" + UUID.randomUUID(), "unitPrice", "999999999999999.99")).json("/id");
        String path = "/api/shared-deals/" + sharedDeal();
        String before = api.get(path, token).bodyAsString();

        ApiResponse refused = api.post(path + "/quotes", token, Map.of("title", "Too much", "lineItems",
                List.of(Map.of("productId", productId, "quantity", 1_000_000))));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.node("/errors").findValuesAsString("field")).containsExactly("lineItems");
        assertThat(api.get(path, token).bodyAsString()).isEqualTo(before);
        ApiResponse one = api.post(path + "/quotes", token, Map.of("title", "Just right", "lineItems",
                List.of(Map.of("productId", productId, "quantity", 1))));
        assertThat(one.status()).as(one.toString()).isEqualTo(201);
        assertThat(one.json("/amount")).isEqualTo("999999999999999.99");
    }

    @Test
    void aPatchWithACloseDateOrAmountOutOfRangeIs422AndChangesNothing() {
        String path = "/api/shared-deals/" + sharedDeal();
        String before = api.get(path, token).bodyAsString();
        long log = mongo.count(new Query(), "change_log");

        for (String date : BAD_DATES) {
            ApiResponse refused = api.patch(path, token, "{\"closeDate\":\"" + date + "\"}");
            assertThat(refused.status()).as(date + ": " + refused).isEqualTo(422);
            assertThat(refused.node("/errors").findValuesAsString("field")).contains("closeDate");
        }
        for (String amount : BAD_AMOUNTS) {
            long start = System.nanoTime();
            ApiResponse refused = api.patch(path, token, "{\"amount\":" + amount + "}");
            assertThat(refused.status()).as(amount + ": " + refused).isIn(400, 422);
            assertThat((System.nanoTime() - start) / 1_000_000).as(amount + " answered quickly").isLessThan(2000);
        }

        assertThat(api.get(path, token).bodyAsString()).isEqualTo(before);
        assertThat(mongo.count(new Query(), "change_log")).isEqualTo(log);
    }

    /** A shared deal converted for some partner, acknowledged by the broker (so its view no longer changes). */
    private String sharedDeal() {
        PersonRef rep = new PersonRef("r-bounds", "Rita", "rita@vendor.example");
        SharedDealId id = SharedDealId.random();
        sharedDeals.register(new Registration(id, UUID.randomUUID().toString(), Origin.CRM, "Bounded deal",
                new BigDecimal("10.00"), "USD", LocalDate.parse("2027-06-30"), Stage.QUALIFIED_TO_BUY, null, null,
                null, "Welcome", List.of(), rep, rep, "DEAL"), new Actor(ActorType.CRM_USER, "r-bounds", "Rita"),
                UUID.randomUUID().toString());
        String path = "/api/shared-deals/" + id.value();
        await().atMost(Duration.ofSeconds(20)).until(() -> "IN_SYNC".equals(api.get(path, token).json("/syncState")));
        return id.value();
    }

    private static String deal(String amount, String closeDate) {
        return "{\"name\":\"Bounded\",\"amount\":" + amount + ",\"closeDate\":" + closeDate
                + ",\"stage\":\"QUALIFIED_TO_BUY\"}";
    }
}
