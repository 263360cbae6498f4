package com.dealbridge.crm.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.crm.CrmServiceIntegrationTest;
import com.dealbridge.crm.TestReps;
import com.dealbridge.crm.deal.CrmDeals;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import com.dealbridge.shareddeal.domain.Registration;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Which CRM deals make a domain the vendor's own work ({@link VendorDealCheck}), on the real service and its store:
 * open deals of the vendor on a company of the domain (any spelling or subdomain of it), not closed ones, not the
 * deal of the registration checked, not one shared with a partner.
 */
@CrmServiceIntegrationTest
class VendorDealCheckIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    VendorDealCheck check;

    @Autowired
    CrmDeals crmDeals;

    @Autowired
    SharedDeals sharedDeals;

    ApiClient api;
    String token;
    String domain;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        token = TestReps.createToken(api);
        domain = "vendor-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    }

    @Test
    void anOpenDealOfTheVendorOnASubdomainOfTheCompanyWorksTheDomain() {
        crmDeal("www.sales." + domain, "QUALIFIED_TO_BUY");

        assertThat(check.worksDomain(RegisteredDomain.of("https://WWW." + domain.toUpperCase()), SharedDealId.random()))
                .isTrue();
        assertThat(check.worksDomain(RegisteredDomain.of("other-" + domain), SharedDealId.random()))
                .as("a longer name ending in the domain is another domain").isFalse();
    }

    @Test
    void aClosedDealOfTheVendorDoesNotWorkTheDomain() {
        crmDeal(domain, "CLOSED_LOST");
        crmDeal("www." + domain, "CLOSED_WON");

        assertThat(check.worksDomain(RegisteredDomain.of(domain), SharedDealId.random())).isFalse();
    }

    @Test
    void neitherTheRegistrationsOwnCrmDealNorADealSharedWithAPartnerCount() {
        SharedDealId registration = SharedDealId.random();
        crmDeals.linkSharedDeal(crmDeal(domain, "APPOINTMENT_SCHEDULED"), registration.value());
        assertThat(check.worksDomain(RegisteredDomain.of(domain), registration)).as("its own CRM deal").isFalse();

        String converted = crmDeal(domain, "QUALIFIED_TO_BUY");
        SharedDealId shared = SharedDealId.random();
        sharedDeals.register(new Registration(shared, UUID.randomUUID().toString(), Origin.CRM, "Converted deal",
                new BigDecimal("10.00"), "USD", LocalDate.parse("2027-12-31"), Stage.QUALIFIED_TO_BUY, null, null,
                null, "Welcome", List.of(), new PersonRef("u-bob", "Bob Brennan", "bob@acme.example"),
                new PersonRef("r-1", "Rita", "rita@vendor.example"), null, RegisteredDomain.of(domain)),
                new Actor(ActorType.CRM_USER, "r-1", "Rita"), converted);
        crmDeals.linkSharedDeal(converted, shared.value());
        assertThat(check.worksDomain(RegisteredDomain.of(domain), registration))
                .as("an active shared deal is the partner's registration of the domain").isFalse();

        crmDeal(domain, "PRESENTATION_SCHEDULED");
        assertThat(check.worksDomain(RegisteredDomain.of(domain), registration)).isTrue();
    }

    @Test
    void aRegistrationTheCrmDoesNotHoldIsLeftToTheOtherChecks() {
        assertThat(check.keeps(SharedDealId.random())).isTrue();
    }

    private String crmDeal(String companyDomain, String stage) {
        String company = api.post("/api/companies", token, Map.of("name", "Company " + companyDomain,
                "domain", companyDomain)).json("/id");
        return api.post("/api/deals", token, Map.of("name", "Deal on " + companyDomain, "amount", "1000.00",
                "closeDate", "2027-06-30", "stage", stage, "companyIds", List.of(company))).json("/id");
    }
}
