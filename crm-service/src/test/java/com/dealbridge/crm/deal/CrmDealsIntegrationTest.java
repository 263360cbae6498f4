package com.dealbridge.crm.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealbridge.crm.CrmServiceIntegrationTest;
import com.dealbridge.crm.TestReps;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PagingAssertions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@CrmServiceIntegrationTest
class CrmDealsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    CrmDeals crmDeals;

    ApiClient api;
    String token;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        token = TestReps.createToken(api);
    }

    @Test
    void repCreatesCompanyContactAndDeal() {
        ApiResponse company = api.post("/api/companies", token, Map.of("name", "Umbrella", "domain", "umbrella.example"));
        assertThat(company.status()).as(company.toString()).isEqualTo(201);
        String companyId = company.json("/id");
        ApiResponse contact = api.post("/api/contacts", token, Map.of("firstName", "Albert", "lastName", "Wesker",
                "email", "albert@umbrella.example", "companyId", companyId));
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        String contactId = contact.json("/id");

        ApiResponse deal = api.post("/api/deals", token, Map.of("name", "Umbrella renewal", "amount", "25000.5",
                "closeDate", "2027-03-31", "stage", "QUALIFIED_TO_BUY", "contactIds", List.of(contactId),
                "companyIds", List.of(companyId)));
        assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
        assertThat(deal.json("/amount")).isEqualTo("25000.50");
        assertThat(deal.json("/currency")).isEqualTo("USD");
        assertThat(deal.json("/stage")).isEqualTo("QUALIFIED_TO_BUY");
        assertThat(deal.node("/sharedDealId").isNull()).isTrue();
        assertThat(deal.json("/pipeline")).as("the CRM's own deals").isEqualTo("default");

        ApiResponse read = api.get("/api/deals/" + deal.json("/id"), token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json("/closeDate")).isEqualTo("2027-03-31");
        assertThat(read.json("/contactIds/0")).isEqualTo(contactId);
        assertThat(read.json("/companyIds/0")).isEqualTo(companyId);
        assertThat(api.get("/api/deals/" + UUID.randomUUID(), token).status()).isEqualTo(404);
    }

    @Test
    void invalidDealsAreRefusedWithFieldErrors() {
        ApiResponse invalid = api.post("/api/deals", token, Map.of("name", "Mystery", "amount", "1",
                "closeDate", "2027-01-01", "stage", "MAYBE", "contactIds", List.of("nope")));
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(422);
        assertThat(invalid.isProblem()).isTrue();
        assertThat(invalid.node("/errors").findValuesAsString("field")).containsExactlyInAnyOrder("stage", "contactIds");

        ApiResponse missing = api.post("/api/deals", token, Map.of("amount", -1));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.node("/errors").findValuesAsString("field"))
                .contains("name", "amount", "closeDate", "stage");

        assertThat(api.post("/api/contacts", token, Map.of("firstName", "No", "lastName", "Company",
                "email", "no@company.example", "companyId", "unknown")).status()).isEqualTo(422);
    }

    @Test
    void upsertForSharedDealIsIdempotentAndKeepsWhatItDoesNotSet() {
        String crmDealId = UUID.randomUUID().toString();
        String sharedDealId = UUID.randomUUID().toString();

        CrmDeal first = crmDeals.upsertForSharedDeal(crmDealId, sharedDealId, "Registered lead",
                new BigDecimal("12000"), null, LocalDate.parse("2026-12-31"), null);
        CrmDeal again = crmDeals.upsertForSharedDeal(crmDealId, sharedDealId, "Registered lead",
                new BigDecimal("12000"), null, LocalDate.parse("2026-12-31"), null);

        assertThat(again).isEqualTo(first);
        assertThat(first.id()).isEqualTo(crmDealId);
        assertThat(first.sharedDealId()).isEqualTo(sharedDealId);
        assertThat(first.currency()).isEqualTo("USD");
        assertThat(first.stage()).isEqualTo("APPOINTMENT_SCHEDULED");
        assertThat(first.amount()).isEqualByComparingTo("12000");
        assertThat(first.pipeline()).as("a partner's registration lands in the shared-deal pipeline")
                .isEqualTo("partner-deals");

        CrmDeal moved = crmDeals.upsertForSharedDeal(crmDealId, sharedDealId, "Registered lead",
                new BigDecimal("15000.25"), "EUR", LocalDate.parse("2027-01-15"), "CONTRACT_SENT");
        assertThat(moved.stage()).isEqualTo("CONTRACT_SENT");
        assertThat(moved.currency()).isEqualTo("EUR");
        assertThat(moved.createdAt()).isEqualTo(first.createdAt());
        assertThat(api.get("/api/deals/" + crmDealId, token).json("/sharedDealId")).isEqualTo(sharedDealId);
        assertThat(api.get("/api/deals/" + crmDealId, token).json("/amount")).isEqualTo("15000.25");

        assertThatThrownBy(() -> crmDeals.upsertForSharedDeal(crmDealId, sharedDealId, "x", BigDecimal.ONE, null,
                LocalDate.parse("2027-01-15"), "SOMEDAY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDealConvertedToASharedDealMovesIntoTheSharedDealPipeline() {
        ApiResponse deal = api.post("/api/deals", token, Map.of("name", "Pipeline move", "amount", "10",
                "closeDate", "2027-01-01", "stage", "QUALIFIED_TO_BUY"));
        String dealId = deal.json("/id");

        crmDeals.linkSharedDeal(dealId, UUID.randomUUID().toString());

        ApiResponse read = api.get("/api/deals/" + dealId, token);
        assertThat(read.json("/pipeline")).isEqualTo("partner-deals");
        assertThat(read.json("/stage")).as("the stage is the deal's own").isEqualTo("QUALIFIED_TO_BUY");
    }

    @Test
    void theSharedDealPipelineIsConfigurableAndBlankMeansTheDefault() {
        assertThat(new SharedDealsProperties(" enterprise-partners ").defaultPipeline())
                .isEqualTo("enterprise-partners");
        assertThat(new SharedDealsProperties(" ").defaultPipeline()).isEqualTo("partner-deals");
        assertThat(new SharedDealsProperties(null).defaultPipeline()).isEqualTo("partner-deals");
        assertThatThrownBy(() -> new SharedDealsProperties("p".repeat(101)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default-pipeline");
    }

    @Test
    void dealsArePagedNewestFirstWithTheirTotal() {
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ApiResponse deal = api.post("/api/deals", token, Map.of("name", "Paged deal " + i, "amount", "10",
                    "closeDate", "2027-01-01", "stage", "QUALIFIED_TO_BUY"));
            assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
            created.add(deal.json("/id"));
        }

        // Other tests share this store, so the total is at least the three; they are the newest, so they lead.
        ApiResponse first = api.get("/api/deals?size=2&page=0", token);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        long total = first.node("/total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(first.node("/page").asInt()).isZero();
        assertThat(first.node("/size").asInt()).isEqualTo(2);
        ApiResponse second = api.get("/api/deals?size=2&page=1", token);
        assertThat(second.node("/total").asLong()).isEqualTo(total);
        assertThat(second.node("/page").asInt()).isEqualTo(1);
        assertThat(second.size("/items")).isEqualTo((int) Math.min(2, total - 2));
        List<String> leading = new ArrayList<>(PagingAssertions.ids(first));
        leading.add(PagingAssertions.ids(second).get(0));
        assertThat(leading).as("each new deal on exactly one page").containsExactlyInAnyOrderElementsOf(created);

        PagingAssertions.refusesBadPaging(api, "/api/deals", token);
    }

    @Test
    void aDealIsOwnedByItsCreatorOrTheRepNamedAndTheListFiltersByOwner() {
        String otherToken = TestReps.createToken(api);
        String me = api.get("/api/me", token).json("/id");
        String other = api.get("/api/me", otherToken).json("/id");

        ApiResponse mine = api.post("/api/deals", token, Map.of("name", "Owned by its creator", "amount", "10",
                "closeDate", "2027-01-01", "stage", "QUALIFIED_TO_BUY"));
        ApiResponse theirs = api.post("/api/deals", token, Map.of("name", "Owned by the rep named", "amount", "10",
                "closeDate", "2027-01-01", "stage", "QUALIFIED_TO_BUY", "ownerId", other));
        ApiResponse nobodys = api.post("/api/deals", token, Map.of("name", "Owned by a stranger", "amount", "10",
                "closeDate", "2027-01-01", "stage", "QUALIFIED_TO_BUY", "ownerId", "no-such-rep"));

        assertThat(mine.json("/ownerId")).isEqualTo(me);
        assertThat(theirs.json("/ownerId")).isEqualTo(other);
        assertThat(nobodys.status()).as(nobodys.toString()).isEqualTo(422);
        assertThat(nobodys.node("/errors").findValuesAsString("field")).containsExactly("ownerId");
        assertThat(PagingAssertions.ids(api.get("/api/deals?ownerId=" + other, otherToken)))
                .containsExactly(theirs.json("/id"));

        ApiResponse handedOver = api.patch("/api/deals/" + mine.json("/id"), token, Map.of("ownerId", other));
        assertThat(handedOver.json("/ownerId")).isEqualTo(other);
        assertThat(api.patch("/api/deals/" + mine.json("/id"), token, Map.of("ownerId", "no-such-rep")).status())
                .isEqualTo(422);
        assertThat(PagingAssertions.ids(api.get("/api/deals?ownerId=" + other, otherToken)))
                .containsExactlyInAnyOrder(theirs.json("/id"), mine.json("/id"));
        assertThat(PagingAssertions.ids(api.get("/api/deals?ownerId=" + me, token))).isEmpty();
    }

    @Test
    void aSharedDealsCrmDealIsOwnedByItsAssignedRepAndNotByAnOlderMirror() {
        String crmDealId = UUID.randomUUID().toString();
        crmDeals.upsertForSharedDeal(crmDealId, UUID.randomUUID().toString(), "Assigned lead", BigDecimal.TEN,
                null, LocalDate.parse("2027-01-01"), null);

        crmDeals.mirror(crmDealId, null, null, null, null, null, "rep-2", 2);
        crmDeals.mirror(crmDealId, null, null, null, null, null, "rep-1", 1);
        crmDeals.mirror(crmDealId, null, null, null, null, null, null, 3);

        assertThat(crmDeals.find(crmDealId).orElseThrow().ownerId())
                .as("the later assignment stays, and a save with no rep keeps it").isEqualTo("rep-2");
    }

    @Test
    void companiesAndContactsArePagedByNameWithTheirTotals() {
        // '!' sorts before the letters and digits other tests' names start with, so these three come first.
        String tag = "!" + UUID.randomUUID();
        List<String> companies = new ArrayList<>();
        List<String> contacts = new ArrayList<>();
        for (String letter : List.of("A", "B", "C")) {
            ApiResponse company = api.post("/api/companies", token, Map.of("name", tag + " " + letter,
                    "domain", letter.toLowerCase() + ".paged.example"));
            assertThat(company.status()).as(company.toString()).isEqualTo(201);
            companies.add(company.json("/id"));
            ApiResponse contact = api.post("/api/contacts", token, Map.of("firstName", "Pat", "lastName",
                    tag + " " + letter, "email", letter.toLowerCase() + "@paged.example"));
            assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
            contacts.add(contact.json("/id"));
        }

        for (Map.Entry<String, List<String>> list : Map.of("/api/companies", companies, "/api/contacts", contacts)
                .entrySet()) {
            ApiResponse first = api.get(list.getKey() + "?size=2", token);
            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            assertThat(PagingAssertions.ids(first)).as(list.getKey()).containsExactlyElementsOf(list.getValue()
                    .subList(0, 2));
            long total = first.node("/total").asLong();
            assertThat(total).isGreaterThanOrEqualTo(3);
            assertThat(first.node("/size").asInt()).isEqualTo(2);
            ApiResponse second = api.get(list.getKey() + "?size=2&page=1", token);
            assertThat(PagingAssertions.ids(second).get(0)).as(list.getKey()).isEqualTo(list.getValue().get(2));
            assertThat(second.size("/items")).isEqualTo((int) Math.min(2, total - 2));
            assertThat(second.node("/page").asInt()).isEqualTo(1);

            PagingAssertions.refusesBadPaging(api, list.getKey(), token);
        }
    }
}
