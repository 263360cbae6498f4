package com.dealbridge.crm.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.contracts.avro.PersonRef;
import com.dealbridge.crm.CrmServiceIntegrationTest;
import com.dealbridge.crm.KnownPartners;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PageSession;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the workspace's page tests set up through the real API and topics: a signed-in rep (with an API token for
 * checks), a partner known from the accounts topic, a deal that can be converted, a converted one.
 */
final class WorkspaceFixtures {

    static final String PASSWORD = "correct horse battery";

    final ApiClient api;
    final String brokers;
    final String base;
    final String token;
    final PageSession session;

    WorkspaceFixtures(int port, String brokers, String repName) {
        this.base = "http://localhost:" + port;
        this.brokers = brokers;
        this.api = new ApiClient(base);
        String email = "rep-" + UUID.randomUUID() + "@vendor.example";
        ApiResponse rep = api.post("/admin/sales-reps", CrmServiceIntegrationTest.ADMIN_TOKEN,
                Map.of("name", repName, "email", email));
        this.token = rep.json("/token");
        this.session = PageSession.signedInByInvitation(base, rep.json("/invitationUrl"), email, PASSWORD);
    }

    /** A partner the CRM knows from the accounts topic, capacity 3, with one user (its notification recipient). */
    void knownPartner(String partnerId, String name, String userId) throws Exception {
        KnownPartners.publish(brokers, api, token, partnerId, name, 3,
                new PersonRef(userId, "Paula Partner", "paula@partner.example"));
    }

    /** A CRM deal with a company (of a fresh domain) and a contact, as converting needs. */
    String dealWithContactAndCompany() {
        String domain = "panel-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String companyId = api.post("/api/companies", token, Map.of("name", "Panel Co", "domain", domain))
                .json("/id");
        String contactId = api.post("/api/contacts", token, Map.of("firstName", "Pia", "lastName", "Panel",
                "email", "pia@" + domain, "companyId", companyId)).json("/id");
        ApiResponse deal = api.post("/api/deals", token, Map.of("name", "Panel deal", "amount", "100.00",
                "closeDate", "2027-01-31", "stage", "QUALIFIED_TO_BUY", "contactIds", List.of(contactId),
                "companyIds", List.of(companyId)));
        assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
        return deal.json("/id");
    }

    /** A deal converted through the API for a freshly known partner: the CRM deal's id. */
    String sharedDeal() throws Exception {
        String partnerId = UUID.randomUUID().toString();
        knownPartner(partnerId, "Edit Partner " + partnerId.substring(0, 8), UUID.randomUUID().toString());
        String dealId = dealWithContactAndCompany();
        ApiResponse converted = api.post("/api/deals/" + dealId + "/convert-to-shared", token, Map.of(
                "partnerId", partnerId, "welcomeNote", "Welcome", "contactedPartnerConfirmed", true));
        assertThat(converted.status()).as(converted.toString()).isEqualTo(201);
        return dealId;
    }

    String sharedDealIdOf(String dealId) {
        return api.get("/api/deals/" + dealId, token).json("/sharedDealId");
    }
}
