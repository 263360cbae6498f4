package com.dealbridge.crm.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.crm.CrmServiceIntegrationTest;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PageSession;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The deal page's edits of a shared deal over HTTP, through the services of {@code PATCH /api/shared-deals/{id}}
 * and the quote endpoints. The policy is configured here (the name read-only on the CRM) so that the page is shown
 * to follow the running policy whatever the defaults are.
 */
@CrmServiceIntegrationTest
@TestPropertySource(properties = {
        "dealbridge.sync.fields.deal-name=PARTNER_TO_CRM_AT_CREATION",
        "dealbridge.sync.fields.amount=TWO_WAY",
        "dealbridge.sync.fields.close-date=TWO_WAY" })
class SharedDealEditPagesIntegrationTest {

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    WorkspaceFixtures fixtures;
    PageSession session;

    @BeforeEach
    void setUp() {
        fixtures = new WorkspaceFixtures(port, brokers, "Eddie Edit");
        session = fixtures.session;
    }

    @Test
    void aRepEditsAmountCloseDateStageAndCompensationWhileTheNameIsReadOnlyWithThePolicysReason() throws Exception {
        String dealId = fixtures.sharedDeal();
        String page = "/deals/" + dealId;

        String form = session.get(page).body();
        assertThat(form).contains("name=\"amount\"").contains("name=\"closeDate\"").contains("name=\"stage\"")
                .contains("name=\"partnerCompensationEligible\"").contains("data-testid=\"dealName-read-only\"")
                .contains("PARTNER_TO_CRM_AT_CREATION").doesNotContain("name=\"dealName\"");

        HttpResponse<String> edited = session.submit(page, page + "/details",
                Map.of("amount", "2500.50", "closeDate", "2027-09-30"));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(302);
        HttpResponse<String> staged = session.submit(page, page + "/stage", Map.of("stage", "CONTRACT_SENT"));
        assertThat(staged.statusCode()).as(staged.body()).isEqualTo(302);
        HttpResponse<String> eligible = session.submit(page, page + "/compensation",
                Map.of("partnerCompensationEligible", "true"));
        assertThat(eligible.statusCode()).as(eligible.body()).isEqualTo(302);

        ApiResponse shared = fixtures.api.get("/api/shared-deals/" + fixtures.sharedDealIdOf(dealId), fixtures.token);
        assertThat(shared.json("/amount")).isEqualTo("2500.50");
        assertThat(shared.json("/closeDate")).isEqualTo("2027-09-30");
        assertThat(shared.json("/stage")).isEqualTo("CONTRACT_SENT");
        assertThat(shared.json("/partnerCompensationEligible")).isEqualTo("true");
        assertThat(session.get(page).body()).contains("data-testid=\"deal-stage\">Contract sent<");
    }

    @Test
    void invalidValuesAreShownNextToTheirFieldsWithWhatWasTypedAndChangeNothing() throws Exception {
        String dealId = fixtures.sharedDeal();
        String page = "/deals/" + dealId;

        HttpResponse<String> refused = session.submit(page, page + "/details",
                Map.of("amount", "lots", "closeDate", "2027-02-30"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("data-testid=\"amount-error\"").contains("data-testid=\"closeDate-error\"")
                .contains("value=\"lots\"");
        assertThat(fixtures.api.get("/api/shared-deals/" + fixtures.sharedDealIdOf(dealId), fixtures.token)
                .json("/amount")).isEqualTo("100.00");
    }

    @Test
    void aNameChangeTheFormDoesNotOfferIsRefusedByTheSyncPolicyWithItsReason() throws Exception {
        String dealId = fixtures.sharedDeal();
        String page = "/deals/" + dealId;

        // a forged or stale form: the page offers no name field under this policy, the service still decides
        HttpResponse<String> refused = session.submit(page, page + "/details", Map.of("dealName", "Renamed"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("data-testid=\"refusal\"").contains("dealName is PARTNER_TO_CRM_AT_CREATION");
        assertThat(fixtures.api.get("/api/deals/" + dealId, fixtures.token).json("/name")).isEqualTo("Panel deal");
    }

    @Test
    void aRepQuotesCatalogueLineItemsAndRecordsThePurchaseWhichClosesTheDealWon() throws Exception {
        String sku = "EDIT-" + UUID.randomUUID().toString().substring(0, 8);
        String productId = fixtures.api.post("/admin/products", CrmServiceIntegrationTest.ADMIN_TOKEN,
                Map.of("name", "Edit Suite " + sku, "sku", sku, "unitPrice", "999.00", "currency", "USD")).json("/id");
        String dealId = fixtures.sharedDeal();
        String page = "/deals/" + dealId;
        assertThat(session.get(page).body()).contains("value=\"" + productId + "\"");

        HttpResponse<String> noQuantity = session.submit(page, page + "/quotes",
                Map.of("title", "Year one", "lineItems[0].productId", productId));
        assertThat(noQuantity.statusCode()).isEqualTo(422);
        assertThat(noQuantity.body()).contains("data-testid=\"quantity-0-error\"").contains("value=\"Year one\"");

        HttpResponse<String> created = session.submit(page, page + "/quotes", Map.of("title", "Year one",
                "lineItems[0].productId", productId, "lineItems[0].quantity", "3"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String sharedDealId = fixtures.sharedDealIdOf(dealId);
        ApiResponse quoted = fixtures.api.get("/api/shared-deals/" + sharedDealId, fixtures.token);
        assertThat(quoted.json("/quotes/0/amount")).isEqualTo("2997.00");
        String quoteId = quoted.json("/quotes/0/id");

        HttpResponse<String> purchased = session.submit(page, page + "/quotes/" + quoteId + "/purchase", Map.of());
        assertThat(purchased.statusCode()).as(purchased.body()).isEqualTo(302);
        ApiResponse closed = fixtures.api.get("/api/shared-deals/" + sharedDealId, fixtures.token);
        assertThat(closed.json("/quotes/0/status")).isEqualTo("PURCHASED");
        assertThat(closed.json("/stage")).isEqualTo("CLOSED_WON");
        assertThat(session.get(page).body()).contains("data-testid=\"banner\"");
    }
}
