package com.dealbridge.partner.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PagingAssertions;
import com.dealbridge.partner.PartnerServiceIntegrationTest;
import com.dealbridge.partner.TestPartners;
import com.dealbridge.partner.TestPartners.TestPartner;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.Registration;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PartnerServiceIntegrationTest
class DirectoryAndDealsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    SharedDeals sharedDeals;

    ApiClient api;
    TestPartner partner;
    TestPartner otherPartner;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        partner = TestPartners.create(api, "Directory Partner");
        otherPartner = TestPartners.create(api, "Other Partner");
    }

    @Test
    void createsCompanyContactAndDealOfThePartner() {
        ApiResponse company = api.post("/api/companies", partner.token(),
                Map.of("name", "Globex", "domain", "Globex.example"));
        assertThat(company.status()).as(company.toString()).isEqualTo(201);
        assertThat(company.json("/domain")).isEqualTo("globex.example");
        assertThat(company.json("/partnerId")).isEqualTo(partner.id());
        String companyId = company.json("/id");

        ApiResponse contact = api.post("/api/contacts", partner.token(), Map.of("firstName", "Hank",
                "lastName", "Scorpio", "email", "hank@globex.example", "companyId", companyId));
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        assertThat(contact.json("/companyId")).isEqualTo(companyId);
        String contactId = contact.json("/id");

        ApiResponse deal = api.post("/api/deals", partner.token(), Map.of("name", "Globex rollout",
                "amount", "12000", "closeDate", "2026-12-31", "contactIds", List.of(contactId),
                "companyIds", List.of(companyId)));
        assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
        assertThat(deal.json("/amount")).isEqualTo("12000.00");
        assertThat(deal.json("/currency")).isEqualTo("USD");
        assertThat(deal.json("/closeDate")).isEqualTo("2026-12-31");
        assertThat(deal.json("/partnerId")).isEqualTo(partner.id());
        assertThat(deal.node("/activeDealRegistrations").asInt()).isZero();
        assertThat(deal.node("/sharedDealId").isNull()).isTrue();
        assertThat(deal.json("/createdAt")).isNotBlank();
        String dealId = deal.json("/id");

        ApiResponse read = api.get("/api/deals/" + dealId, partner.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.node("/contactIds").get(0).asString()).isEqualTo(contactId);
        assertThat(read.node("/companyIds").get(0).asString()).isEqualTo(companyId);

        assertThat(api.get("/api/companies", partner.token()).node("/items").findValuesAsString("id"))
                .containsExactly(companyId);
        assertThat(api.get("/api/contacts", partner.token()).node("/total").asInt()).isEqualTo(1);
        assertThat(api.get("/api/deals", partner.token()).node("/items").findValuesAsString("id"))
                .containsExactly(dealId);
    }

    @Test
    void anotherPartnersRecordsDoNotExistForYou() {
        String companyId = api.post("/api/companies", otherPartner.token(),
                Map.of("name", "Initech", "domain", "initech.example")).json("/id");
        String contactId = api.post("/api/contacts", otherPartner.token(),
                Map.of("firstName", "Bill", "lastName", "Lumbergh", "email", "bill@initech.example")).json("/id");
        String dealId = api.post("/api/deals", otherPartner.token(), Map.of("name", "TPS reports",
                "amount", 500, "closeDate", "2026-06-30", "contactIds", List.of(), "companyIds", List.of()))
                .json("/id");

        ApiResponse foreignDeal = api.get("/api/deals/" + dealId, partner.token());
        assertThat(foreignDeal.status()).isEqualTo(404);
        assertThat(foreignDeal.isProblem()).isTrue();
        assertThat(api.get("/api/deals", partner.token()).node("/total").asInt()).isZero();
        assertThat(api.get("/api/companies", partner.token()).node("/total").asInt()).isZero();

        ApiResponse foreignCompany = api.post("/api/contacts", partner.token(), Map.of("firstName", "Peter",
                "lastName", "Gibbons", "email", "peter@initech.example", "companyId", companyId));
        assertThat(foreignCompany.status()).as(foreignCompany.toString()).isEqualTo(422);
        assertThat(foreignCompany.node("/errors").findValuesAsString("field")).containsExactly("companyId");

        ApiResponse foreignIds = api.post("/api/deals", partner.token(), Map.of("name", "Stolen deal",
                "amount", "1.00", "closeDate", "2026-06-30", "contactIds", List.of(contactId),
                "companyIds", List.of(companyId)));
        assertThat(foreignIds.status()).as(foreignIds.toString()).isEqualTo(422);
        assertThat(foreignIds.node("/errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("contactIds", "companyIds");
    }

    @Test
    void invalidBodiesAreProblemsAndChangeNothing() {
        Map<String, Object> invalid = new HashMap<>(Map.of("name", "", "amount", "-5", "currency", "usd",
                "contactIds", List.of(), "companyIds", List.of()));
        ApiResponse unprocessable = api.post("/api/deals", partner.token(), invalid);
        assertThat(unprocessable.status()).as(unprocessable.toString()).isEqualTo(422);
        assertThat(unprocessable.isProblem()).isTrue();
        assertThat(unprocessable.node("/errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "amount", "currency", "closeDate");

        ApiResponse tooPrecise = api.post("/api/deals", partner.token(), Map.of("name", "Fractions",
                "amount", "10.005", "closeDate", "2026-01-01"));
        assertThat(tooPrecise.status()).isEqualTo(422);
        assertThat(tooPrecise.node("/errors").findValuesAsString("field")).containsExactly("amount");

        ApiResponse unknownCurrency = api.post("/api/deals", partner.token(), Map.of("name", "Zorkmids",
                "amount", "10", "currency", "ZZZ", "closeDate", "2026-01-01"));
        assertThat(unknownCurrency.status()).isEqualTo(422);

        ApiResponse notADate = api.post("/api/deals", partner.token(), Map.of("name", "Later",
                "amount", "10", "closeDate", "2026-13-45"));
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.isProblem()).isTrue();

        ApiResponse notAnAmount = api.post("/api/deals", partner.token(), Map.of("name", "Lots",
                "amount", "lots", "closeDate", "2026-01-01"));
        assertThat(notAnAmount.status()).isEqualTo(400);

        assertThat(api.post("/api/deals", partner.token(), "{not json").status()).isEqualTo(400);
        assertThat(api.post("/api/companies", partner.token(), Map.of("name", "No domain", "domain", "not a domain"))
                .status()).isEqualTo(422);
        assertThat(api.post("/api/contacts", partner.token(), Map.of("firstName", "A", "lastName", "B",
                "email", "not-an-email")).status()).isEqualTo(422);
        assertThat(api.get("/api/deals?activeDealRegistrations=2", partner.token()).status()).isEqualTo(400);
        assertThat(api.get("/api/deals?activeDealRegistrations=yes", partner.token()).status()).isEqualTo(400);

        assertThat(api.get("/api/deals", partner.token()).node("/total").asInt()).isZero();
    }

    @Test
    void trackingViewShowsOnlyDealsWithAnActiveRegistration() {
        String registered = createDeal("Registered deal");
        String plain = createDeal("Plain deal");
        SharedDealId sharedDealId = SharedDealId.random();
        sharedDeals.register(new Registration(sharedDealId, partner.id(), Origin.PARTNER, "Registered deal",
                new BigDecimal("100.00"), "USD", LocalDate.parse("2026-12-31"), Stage.APPOINTMENT_SCHEDULED,
                "Intro", "Pain", "Next", null, List.of(), null, null, "DEAL"),
                new Actor(ActorType.PARTNER_USER, partner.userId(), "Test user"), registered);

        ApiResponse tracking = api.get("/api/deals?activeDealRegistrations=1", partner.token());
        assertThat(tracking.status()).as(tracking.toString()).isEqualTo(200);
        assertThat(tracking.node("/items").findValuesAsString("id")).containsExactly(registered);
        assertThat(tracking.json("/items/0/sharedDealId")).isEqualTo(sharedDealId.value());
        assertThat(tracking.node("/items/0/activeDealRegistrations").asInt()).isEqualTo(1);

        assertThat(api.get("/api/deals?activeDealRegistrations=0", partner.token()).node("/items")
                .findValuesAsString("id")).containsExactly(plain);
        assertThat(api.get("/api/deals/" + registered, partner.token()).json("/sharedDealId"))
                .isEqualTo(sharedDealId.value());
        assertThat(api.get("/api/deals?activeDealRegistrations=1", otherPartner.token()).node("/total").asInt())
                .isZero();
    }

    @Test
    void companiesArePagedByNameWithTheirTotal() {
        for (String name : List.of("Charlie Corp", "Alpha Inc", "Bravo Ltd")) {
            assertThat(api.post("/api/companies", partner.token(), Map.of("name", name,
                    "domain", name.split(" ")[0].toLowerCase() + ".example")).status()).isEqualTo(201);
        }

        ApiResponse first = api.get("/api/companies?size=2", partner.token());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.node("/items").findValuesAsString("name")).containsExactly("Alpha Inc", "Bravo Ltd");
        assertPage(first, 3, 0, 2);
        ApiResponse second = api.get("/api/companies?size=2&page=1", partner.token());
        assertThat(second.node("/items").findValuesAsString("name")).containsExactly("Charlie Corp");
        assertPage(second, 3, 1, 2);
        assertPage(api.get("/api/companies", partner.token()), 3, 0, 100);
        assertThat(api.get("/api/companies?page=2&size=2", partner.token()).size("/items")).isZero();

        PagingAssertions.refusesBadPaging(api, "/api/companies", partner.token());
    }

    @Test
    void contactsArePagedByLastAndFirstNameWithTheirTotal() {
        for (String[] name : List.of(new String[] {"Zoe", "Adams"}, new String[] {"Amy", "Baker"},
                new String[] {"Ann", "Adams"})) {
            assertThat(api.post("/api/contacts", partner.token(), Map.of("firstName", name[0],
                    "lastName", name[1], "email", name[0].toLowerCase() + "@contacts.example")).status())
                    .isEqualTo(201);
        }

        ApiResponse first = api.get("/api/contacts?size=2&page=0", partner.token());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.node("/items").findValuesAsString("firstName")).containsExactly("Ann", "Zoe");
        assertPage(first, 3, 0, 2);
        ApiResponse second = api.get("/api/contacts?size=2&page=1", partner.token());
        assertThat(second.node("/items").findValuesAsString("firstName")).containsExactly("Amy");
        assertPage(second, 3, 1, 2);
        assertThat(api.get("/api/contacts", otherPartner.token()).node("/total").asInt()).isZero();

        PagingAssertions.refusesBadPaging(api, "/api/contacts", partner.token());
    }

    @Test
    void dealsArePagedNewestFirstWithTheirTotal() {
        List<String> created = List.of(createDeal("First deal"), createDeal("Second deal"), createDeal("Third deal"));

        ApiResponse first = api.get("/api/deals?size=2&page=0", partner.token());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertPage(first, 3, 0, 2);
        ApiResponse second = api.get("/api/deals?size=2&page=1", partner.token());
        assertPage(second, 3, 1, 2);
        assertThat(second.size("/items")).isEqualTo(1);
        List<String> paged = new ArrayList<>(PagingAssertions.ids(first));
        paged.addAll(PagingAssertions.ids(second));
        assertThat(paged).as("each deal on exactly one page").containsExactlyInAnyOrderElementsOf(created);
        assertThat(api.get("/api/deals?size=2&page=2", partner.token()).size("/items")).isZero();

        PagingAssertions.refusesBadPaging(api, "/api/deals", partner.token());
    }

    @Test
    void trackingViewAndItsOppositeArePagedWithTheirTotals() {
        List<String> registered = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String dealId = createDeal("Registered deal " + i);
            register(dealId, "Registered deal " + i);
            registered.add(dealId);
        }
        String plain = createDeal("Plain deal");

        ApiResponse first = api.get("/api/deals?activeDealRegistrations=1&size=2", partner.token());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertPage(first, 3, 0, 2);
        ApiResponse second = api.get("/api/deals?activeDealRegistrations=1&size=2&page=1", partner.token());
        assertPage(second, 3, 1, 2);
        assertThat(second.size("/items")).isEqualTo(1);
        assertThat(second.node("/items/0/activeDealRegistrations").asInt()).isEqualTo(1);
        assertThat(second.json("/items/0/sharedDealId")).isNotNull();
        List<String> paged = new ArrayList<>(PagingAssertions.ids(first));
        paged.addAll(PagingAssertions.ids(second));
        assertThat(paged).containsExactlyInAnyOrderElementsOf(registered);

        ApiResponse without = api.get("/api/deals?activeDealRegistrations=0&size=1", partner.token());
        assertThat(PagingAssertions.ids(without)).containsExactly(plain);
        assertPage(without, 1, 0, 1);
        assertThat(api.get("/api/deals?activeDealRegistrations=0&size=1&page=1", partner.token()).size("/items"))
                .isZero();

        PagingAssertions.refusesBadPaging(api, "/api/deals?activeDealRegistrations=1", partner.token());
        PagingAssertions.refusesBadPaging(api, "/api/deals?activeDealRegistrations=0", partner.token());
    }

    private void register(String dealId, String name) {
        sharedDeals.register(new Registration(SharedDealId.random(), partner.id(), Origin.PARTNER, name,
                new BigDecimal("100.00"), "USD", LocalDate.parse("2026-12-31"), Stage.APPOINTMENT_SCHEDULED,
                "Intro", "Pain", "Next", null, List.of(), null, null, "DEAL"),
                new Actor(ActorType.PARTNER_USER, partner.userId(), "Test user"), dealId);
    }

    private static void assertPage(ApiResponse list, long total, int page, int size) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.node("/total").asLong()).as("total").isEqualTo(total);
        assertThat(list.node("/page").asInt()).as("page").isEqualTo(page);
        assertThat(list.node("/size").asInt()).as("size").isEqualTo(size);
    }

    private String createDeal(String name) {
        ApiResponse deal = api.post("/api/deals", partner.token(), Map.of("name", name, "amount", 100.5,
                "closeDate", "2026-12-31"));
        assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
        assertThat(deal.json("/amount")).isEqualTo("100.50");
        return deal.json("/id");
    }
}
