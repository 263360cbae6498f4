package com.dealbridge.partner.shareddeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.partner.PartnerServiceIntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A registration holds its company's registered domain, and a partner's capacity counts registered domains: a
 * second deal on a domain the partner holds takes no slot, a withdrawal frees the domain, concurrent registrations
 * never take more slots than the partner has.
 */
@PartnerServiceIntegrationTest
class RegisteredDomainsIntegrationTest {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
    }

    @Test
    void wwwExampleComAndSalesExampleComAreOneRegisteredDomainAndTakeOneSlot() {
        String token = partner(1);
        ApiResponse first = ok(api.post("/api/shared-deals", token,
                registration("COMPANY", company(token, "www.Example.COM"), "First on example.com")), 201);
        assertThat(first.json("/registrationState")).isEqualTo("REGISTERED");
        ApiResponse second = ok(api.post("/api/shared-deals", token,
                registration("COMPANY", company(token, "sales.example.com"), "Second on example.com")), 201);

        assertThat(first.json("/registeredDomain")).isEqualTo("example.com");
        assertThat(second.json("/registeredDomain")).isEqualTo("example.com");
        ApiResponse full = api.post("/api/shared-deals", token,
                registration("COMPANY", company(token, "globex.com"), "A second domain"));
        assertThat(full.status()).as(full.toString()).isEqualTo(409);
        assertThat(full.json("/detail")).contains("capacity").contains("registered domain").contains("globex.com");
        assertThat(api.get("/api/shared-deals", token).node("/total").asLong()).isEqualTo(2);
        assertThat(api.get("/api/deals", token).node("/total").asLong()).as("no deal left by the refusal")
                .isEqualTo(2);
    }

    @Test
    void aContactsOrADealsCompanyGivesTheRegisteredDomain() {
        String token = partner(3);
        String company = company(token, "eu.initech.co.uk");
        String contact = ok(api.post("/api/contacts", token, Map.of("firstName", "Ian", "lastName", "Initech",
                "email", "ian@initech.co.uk", "companyId", company)), 201).json("/id");
        String deal = ok(api.post("/api/deals", token, Map.of("name", "Initech deal", "amount", "500.00",
                "closeDate", "2027-01-31", "contactIds", List.of(contact), "companyIds", List.of(company))), 201)
                .json("/id");

        assertThat(ok(api.post("/api/shared-deals", token, registration("CONTACT", contact, "From the contact")), 201)
                .json("/registeredDomain")).isEqualTo("initech.co.uk");
        ApiResponse fromDeal = ok(api.post("/api/shared-deals", token, registration("DEAL", deal, "From the deal")),
                201);
        assertThat(fromDeal.json("/registeredDomain")).isEqualTo("initech.co.uk");
        assertThat(api.get("/api/shared-deals/" + fromDeal.json("/id"), token).json("/registeredDomain"))
                .isEqualTo("initech.co.uk");
        ApiResponse again = api.post("/api/shared-deals", token, registration("DEAL", deal, "The deal again"));
        assertThat(again.status()).as("one active registration per deal").isEqualTo(409);
    }

    @Test
    void withdrawingTheOnlyDealOfADomainFreesTheSlotForAnotherDomain() {
        String token = partner(1);
        String id = ok(api.post("/api/shared-deals", token,
                registration("COMPANY", company(token, "hooli.com"), "Hooli")), 201).json("/id");
        assertThat(api.post("/api/shared-deals", token,
                registration("COMPANY", company(token, "piedpiper.com"), "Pied Piper")).status()).isEqualTo(409);

        ok(api.delete("/api/shared-deals/" + id, token), 204);

        assertThat(ok(api.post("/api/shared-deals", token,
                registration("COMPANY", company(token, "piedpiper.com"), "Pied Piper")), 201)
                .json("/registeredDomain")).isEqualTo("piedpiper.com");
    }

    @Test
    void aContactWithoutACompanyRegistersDomainLessTakingASlotOfItsOwn() {
        String token = partner(2);
        String contact = ok(api.post("/api/contacts", token, Map.of("firstName", "Solo", "lastName", "Trader",
                "email", "solo@nowhere.example")), 201).json("/id");
        ApiResponse domainLess = ok(api.post("/api/shared-deals", token, registration("CONTACT", contact, "Solo")),
                201);
        assertThat(domainLess.node("/registeredDomain").isNull()).isTrue();
        ok(api.post("/api/shared-deals", token, registration("COMPANY", company(token, "acme.com"), "Acme")), 201);
        assertThat(api.post("/api/shared-deals", token, registration("CONTACT", contact, "Solo again")).status())
                .isEqualTo(409);
    }

    @Test
    void byDefaultTwoPartnersMayBothRegisterTheSameDomain() {
        String domain = "shared-" + UUID.randomUUID() + ".com";
        for (String token : List.of(partner(1), partner(1))) {
            ApiResponse registered = ok(api.post("/api/shared-deals", token,
                    registration("COMPANY", company(token, domain), "Same customer")), 201);
            assertThat(registered.json("/registrationState")).isEqualTo("REGISTERED");
            assertThat(registered.json("/registeredAt")).isEqualTo(registered.json("/createdAt"));
            assertThat(registered.node("/unavailableReason").isNull()).isTrue();
            ApiResponse listed = api.get("/api/shared-deals?registrationState=REGISTERED", token);
            assertThat(listed.size("/items")).isEqualTo(1);
            assertThat(listed.json("/items/0/id")).isEqualTo(registered.json("/id"));
            assertThat(api.get("/api/shared-deals?registrationState=UNAVAILABLE", token).size("/items")).isZero();
        }
        assertThat(api.get("/api/shared-deals?registrationState=SOMETIMES", partner(1)).status()).isEqualTo(400);
    }

    @Test
    void concurrentRegistrationsNeverTakeMoreSlotsThanThePartnerHas() throws Exception {
        String token = partner(3);
        List<String> companies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            companies.add(company(token, "customer" + i + "-" + UUID.randomUUID() + ".com"));
        }
        ExecutorService threads = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            String company = companies.get(i % companies.size());
            String name = "Race " + i;
            answers.add(threads.submit(() -> {
                start.await();
                return new ApiClient("http://localhost:" + port).post("/api/shared-deals", token,
                        registration("COMPANY", company, name));
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<ApiResponse> answer : answers) {
            statuses.add(answer.get().status());
        }
        threads.shutdown();

        assertThat(statuses).containsOnly(201, 409).contains(409);
        List<String> domains = api.get("/api/shared-deals?size=100", token).node("/items")
                .findValuesAsString("registeredDomain");
        assertThat(domains).hasSize((int) statuses.stream().filter(s -> s == 201).count());
        assertThat(domains.stream().distinct().count()).isEqualTo(3);
    }

    private String partner(int capacity) {
        ApiResponse partner = ok(api.post("/admin/partners", PartnerServiceIntegrationTest.ADMIN_TOKEN,
                Map.of("name", "Domain Partner " + UUID.randomUUID(), "capacityLimit", capacity)), 201);
        return ok(api.post("/admin/partners/" + partner.json("/id") + "/users", PartnerServiceIntegrationTest.ADMIN_TOKEN,
                Map.of("name", "Dora Domain", "email", UUID.randomUUID() + "@partner.example")), 201).json("/token");
    }

    private String company(String token, String domain) {
        return ok(api.post("/api/companies", token, Map.of("name", "Company " + domain, "domain", domain)), 201)
                .json("/id");
    }

    private static Map<String, Object> registration(String sourceType, String sourceId, String dealName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceType", sourceType);
        body.put("sourceId", sourceId);
        body.put("dealName", dealName);
        body.put("amount", "1000.00");
        body.put("closeDate", "2027-06-30");
        body.put("introNote", "Intro");
        body.put("painOrOpportunity", "Pain");
        body.put("nextSteps", "Next");
        return body;
    }

    private static ApiResponse ok(ApiResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
