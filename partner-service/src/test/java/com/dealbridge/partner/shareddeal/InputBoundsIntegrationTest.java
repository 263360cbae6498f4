package com.dealbridge.partner.shareddeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.partner.PartnerServiceIntegrationTest;
import com.dealbridge.partner.TestPartners;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Amounts (at most 15 integer digits and 2 decimals, no exponent that expands beyond them) and dates (years
 * 1900–9999) are bounded on every partner endpoint that takes them, and a refused request writes nothing: no
 * deal is left behind by a refused registration, a refused change leaves the shared deal as it was.
 */
@PartnerServiceIntegrationTest
class InputBoundsIntegrationTest {

    /** Out of range, each as the JSON text of the value. */
    static final List<String> BAD_AMOUNTS = List.of("\"1E+2000000\"", "1E+2000000", "1E+400", "\"1e400\"",
            "1E+999999999", "1234567890123456", "\"1234567890123456.00\"", "0.001", "-1");
    static final List<String> BAD_DATES = List.of("+999999999-12-31", "-999999999-01-01", "1899-12-31",
            "+10000-01-01", "0000-01-01");

    @LocalServerPort
    int port;

    ApiClient api;
    String token;
    String contactId;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        token = TestPartners.create(api, "Bounds Partner").token();
        String companyId = api.post("/api/companies", token, Map.of("name", "Bounds Co", "domain",
                "bounds-" + UUID.randomUUID() + ".example")).json("/id");
        contactId = api.post("/api/contacts", token, Map.of("firstName", "Bo", "lastName", "Unds", "email",
                UUID.randomUUID() + "@bounds.example", "companyId", companyId)).json("/id");
    }

    @Test
    void aRegistrationWithACloseDateOutsideTheYears1900To9999Is422AndLeavesNoDeal() {
        for (String date : BAD_DATES) {
            ApiResponse refused = api.post("/api/shared-deals", token, registration("\"1000.00\"", "\"" + date + "\""));

            assertThat(refused.status()).as(date + ": " + refused).isEqualTo(422);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.node("/errors").findValuesAsString("field")).as(date).contains("closeDate");
            assertNothingWritten();
        }
    }

    @Test
    void aRegistrationWithAnAmountBeyond15IntegerDigits2DecimalsOrAHugeExponentIs422AndLeavesNoDeal() {
        for (String amount : BAD_AMOUNTS) {
            long start = System.nanoTime();
            ApiResponse refused = api.post("/api/shared-deals", token, registration(amount, "\"2027-06-30\""));

            assertThat(refused.status()).as(amount + ": " + refused).isIn(400, 422);
            assertThat(refused.isProblem()).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).as(amount + " answered quickly").isLessThan(2000);
            assertNothingWritten();
        }
        ApiResponse registered = api.post("/api/shared-deals", token, registration("1.2e4", "\"2027-06-30\""));
        assertThat(registered.status()).as("an exponent within the limits: " + registered).isEqualTo(201);
        assertThat(new BigDecimal(registered.json("/amount"))).isEqualByComparingTo("12000");
    }

    @Test
    void aDealWithACloseDateOrAmountOutOfRangeIs422AndIsNotCreated() {
        for (String date : BAD_DATES) {
            ApiResponse refused = api.post("/api/deals", token, deal("\"100.00\"", "\"" + date + "\""));
            assertThat(refused.status()).as(date + ": " + refused).isEqualTo(422);
            assertThat(refused.node("/errors").findValuesAsString("field")).contains("closeDate");
        }
        for (String amount : BAD_AMOUNTS) {
            ApiResponse refused = api.post("/api/deals", token, deal(amount, "\"2027-06-30\""));
            assertThat(refused.status()).as(amount + ": " + refused).isIn(400, 422);
            assertThat(refused.isProblem()).isTrue();
        }
        assertNothingWritten();
    }

    @Test
    void aPatchWithACloseDateOrAmountOutOfRangeIs422AndChangesNothing() {
        ApiResponse registered = api.post("/api/shared-deals", token, registration("\"1000.00\"", "\"2027-06-30\""));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String path = "/api/shared-deals/" + registered.json("/id");
        await().atMost(Duration.ofSeconds(20)).until(() -> "IN_SYNC".equals(api.get(path, token).json("/syncState")));
        String before = api.get(path, token).bodyAsString();
        long activity = api.get(path + "/shared-activity", token).node("/total").asLong();

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
        assertThat(api.get(path + "/shared-activity", token).node("/total").asLong()).isEqualTo(activity);
    }

    @Test
    void aPartnerWithACapacityLimitBeyondAnyPartnersReachIs422() {
        ApiResponse refused = api.post("/admin/partners", PartnerServiceIntegrationTest.ADMIN_TOKEN,
                Map.of("name", "Too big", "capacityLimit", 2_000_000_000));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.node("/errors").findValuesAsString("field")).containsExactly("capacityLimit");
    }

    private void assertNothingWritten() {
        assertThat(api.get("/api/deals", token).node("/total").asLong()).isZero();
        assertThat(api.get("/api/shared-deals?status=ALL", token).node("/total").asLong()).isZero();
    }

    private String registration(String amount, String closeDate) {
        return "{\"sourceType\":\"CONTACT\",\"sourceId\":\"" + contactId + "\",\"dealName\":\"Bounded\","
                + "\"amount\":" + amount + ",\"closeDate\":" + closeDate + ",\"introNote\":\"Intro\","
                + "\"painOrOpportunity\":\"Pain\",\"nextSteps\":\"Next\"}";
    }

    private String deal(String amount, String closeDate) {
        return "{\"name\":\"Bounded\",\"amount\":" + amount + ",\"closeDate\":" + closeDate + ",\"contactIds\":[\""
                + contactId + "\"]}";
    }
}
