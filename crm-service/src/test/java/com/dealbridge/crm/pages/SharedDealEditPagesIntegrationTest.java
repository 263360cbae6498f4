package com.dealbridge.crm.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.crm.CrmServiceIntegrationTest;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.shareddeal.api.EditRules;
import com.dealbridge.shareddeal.api.SharedDealCommands;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deal page's edits of a shared deal over HTTP, through the services of {@code PATCH /api/shared-deals/{id}}
 * and the quote endpoints. What the CRM may change is read from the running sync policy (it is configurable and its
 * defaults move), never assumed: each detail is either offered and saved, or read-only with the policy's reason and
 * refused with it when posted anyway.
 */
@CrmServiceIntegrationTest
class SharedDealEditPagesIntegrationTest extends WorkspacePageTest {

    @Autowired
    SharedDealCommands commands;

    @Override
    String repName() {
        return "Eddie Edit";
    }

    @Test
    void aRepEditsWhatThePolicyAllowsAndEveryOtherDetailIsReadOnlyWithThePolicysReason() throws Exception {
        EditRules rules = commands.editRules();
        String dealId = fixtures.sharedDeal();
        String page = "/deals/" + dealId;
        Map<String, String> wanted = Map.of("dealName", "Panel deal renamed", "amount", "2500.50",
                "closeDate", "2027-09-30");

        String form = session.get(page).body();
        assertThat(form).contains("name=\"stage\"").contains("name=\"partnerCompensationEligible\"");
        Map<String, String> editable = new java.util.HashMap<>();
        wanted.forEach((field, value) -> {
            if (rules.editable(field)) {
                assertThat(form).as(field).contains("name=\"" + field + "\"");
                editable.put(field, value);
            } else {
                assertThat(form).as(field).doesNotContain("name=\"" + field + "\"")
                        .contains("data-testid=\"" + field + "-read-only\"").contains(rules.policy(field));
            }
        });

        HttpResponse<String> edited = session.submit(page, page + "/details", editable);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(302);
        HttpResponse<String> staged = session.submit(page, page + "/stage", Map.of("stage", "CONTRACT_SENT"));
        assertThat(staged.statusCode()).as(staged.body()).isEqualTo(302);
        HttpResponse<String> eligible = session.submit(page, page + "/compensation",
                Map.of("partnerCompensationEligible", "true"));
        assertThat(eligible.statusCode()).as(eligible.body()).isEqualTo(302);

        ApiResponse shared = fixtures.api.get("/api/shared-deals/" + fixtures.sharedDealIdOf(dealId), fixtures.token);
        editable.forEach((field, value) -> assertThat(shared.json("/" + field)).as(field).isEqualTo(value));
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
    void aDetailTheFormDoesNotOfferIsRefusedByTheSyncPolicyWithItsReason() throws Exception {
        EditRules rules = commands.editRules();
        String dealId = fixtures.sharedDeal();
        String page = "/deals/" + dealId;

        for (String field : new String[] { "dealName", "amount", "closeDate" }) {
            if (rules.editable(field)) {
                continue; // offered, and saved by the test above
            }
            // a forged or stale form: the page offers no such field under this policy, the service still decides
            String value = field.equals("closeDate") ? "2028-01-31" : field.equals("amount") ? "1.00" : "Renamed";
            HttpResponse<String> refused = session.submit(page, page + "/details", Map.of(field, value));

            assertThat(refused.statusCode()).as(field).isEqualTo(409);
            assertThat(refused.body()).as(field).contains("data-testid=\"refusal\"")
                    .contains(field + " is " + rules.policy(field));
        }
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

    @Test
    void theDetailsCardRefreshesItselfWithTheSharedDealsCurrentValues() throws Exception {
        String dealId = fixtures.sharedDeal();
        assertThat(session.get("/deals/" + dealId).body()).contains("data-events=\"/deals/" + dealId + "/events\"")
                .contains("hx-get=\"/deals/" + dealId + "/card\"");

        ApiResponse changed = fixtures.api.patch("/api/shared-deals/" + fixtures.sharedDealIdOf(dealId), fixtures.token,
                Map.of("stage", "DECISION_MAKER_BOUGHT_IN"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        HttpResponse<String> card = session.get("/deals/" + dealId + "/card");
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body()).contains("id=\"details\"").contains("Decision maker bought in")
                .doesNotContain("<html");
    }
}
