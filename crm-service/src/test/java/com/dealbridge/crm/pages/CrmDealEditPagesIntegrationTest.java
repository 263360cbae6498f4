package com.dealbridge.crm.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.crm.CrmServiceIntegrationTest;
import com.dealbridge.kit.test.ApiResponse;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The deal page's form for a deal that is not shared (name, amount, close date, stage, owner), over HTTP, and
 * {@code PATCH /api/deals/{id}}, the API of the same service: a change saved, invalid fields refused next to them
 * with what was typed kept and nothing changed, a shared deal refused (it is changed through the shared deal).
 */
@CrmServiceIntegrationTest
class CrmDealEditPagesIntegrationTest extends WorkspacePageTest {

    @Override
    String repName() {
        return "Eddie Edit";
    }

    @Test
    void aRepChangesTheNameAmountCloseDateAndStageOfADealThatIsNotShared() {
        String dealId = fixtures.dealWithContactAndCompany();
        String page = "/deals/" + dealId;
        assertThat(session.get(page).body()).contains("data-testid=\"deal-form\"")
                .contains("data-testid=\"save-deal\"").contains("value=\"Panel deal\"");

        HttpResponse<String> saved = session.submit(page, page + "/edit", Map.of("name", "Renamed deal",
                "amount", "2500.50", "closeDate", "2027-09-30", "stage", "CONTRACT_SENT"));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        ApiResponse deal = fixtures.api.get("/api/deals/" + dealId, fixtures.token);
        assertThat(deal.json("/name")).isEqualTo("Renamed deal");
        assertThat(deal.json("/amount")).isEqualTo("2500.50");
        assertThat(deal.json("/closeDate")).isEqualTo("2027-09-30");
        assertThat(deal.json("/stage")).isEqualTo("CONTRACT_SENT");
        String shown = session.get(page).body();
        assertThat(shown).contains("Renamed deal").contains("2500.50").contains("Contract sent");
    }

    @Test
    void aRepHandsADealToAnotherRepAndTheDealsHomeFiltersByOwner() {
        String dealId = fixtures.dealWithContactAndCompany();
        String me = fixtures.api.get("/api/me", fixtures.token).json("/id");
        String other = fixtures.api.post("/admin/sales-reps", CrmServiceIntegrationTest.ADMIN_TOKEN,
                Map.of("name", "Otto Owner", "email", UUID.randomUUID() + "@vendor.example")).json("/id");
        String page = "/deals/" + dealId;
        assertThat(session.get("/?ownerId=" + me).body()).contains(dealId).contains("(me)");

        HttpResponse<String> saved = session.submit(page, page + "/edit", Map.of("name", "Panel deal",
                "amount", "100.00", "closeDate", "2027-06-30", "stage", "QUALIFIED_TO_BUY", "ownerId", other));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(fixtures.api.get("/api/deals/" + dealId, fixtures.token).json("/ownerId")).isEqualTo(other);
        assertThat(session.get(page).body()).containsPattern("data-testid=\"deal-owner\">Otto Owner<");
        assertThat(session.get("/?ownerId=" + other).body()).contains(dealId).contains("Otto Owner");
        assertThat(session.get("/?ownerId=" + me).body()).doesNotContain(dealId);
        HttpResponse<String> refused = session.submit(page, page + "/edit", Map.of("name", "Panel deal",
                "amount", "100.00", "closeDate", "2027-06-30", "stage", "QUALIFIED_TO_BUY", "ownerId", "nobody"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("data-testid=\"ownerId-error\"");
    }

    @Test
    void invalidFieldsAreRefusedNextToThemWithWhatWasTypedKeptAndNothingChanged() {
        String dealId = fixtures.dealWithContactAndCompany();
        String page = "/deals/" + dealId;

        HttpResponse<String> refused = session.submit(page, page + "/edit", Map.of("name", " ",
                "amount", "-3", "closeDate", "31/12/2027", "stage", "SOMEDAY"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("data-testid=\"name-error\"").contains("data-testid=\"amount-error\"")
                .contains("data-testid=\"closeDate-error\"").contains("value=\"-3\"").contains("value=\"31/12/2027\"")
                .containsPattern("id=\"amount\"[^>]*aria-invalid=\"true\"");
        HttpResponse<String> badStage = session.submit(page, page + "/edit", Map.of("name", "Still fine",
                "amount", "10", "closeDate", "2027-12-31", "stage", "SOMEDAY"));
        assertThat(badStage.statusCode()).isEqualTo(422);
        assertThat(badStage.body()).contains("data-testid=\"stage-error\"");
        ApiResponse deal = fixtures.api.get("/api/deals/" + dealId, fixtures.token);
        assertThat(deal.json("/name")).isEqualTo("Panel deal");
        assertThat(deal.json("/amount")).isEqualTo("100.00");
    }

    @Test
    void theApiChangesADealThatIsNotSharedAndRefusesInvalidFields() {
        String dealId = fixtures.dealWithContactAndCompany();

        ApiResponse changed = fixtures.api.patch("/api/deals/" + dealId, fixtures.token,
                Map.of("amount", "990.00", "stage", "PRESENTATION_SCHEDULED"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json("/amount")).isEqualTo("990.00");
        assertThat(changed.json("/stage")).isEqualTo("PRESENTATION_SCHEDULED");
        assertThat(changed.json("/name")).as("absent fields stay").isEqualTo("Panel deal");

        ApiResponse invalid = fixtures.api.patch("/api/deals/" + dealId, fixtures.token,
                Map.of("amount", "-1", "stage", "NOPE"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.bodyAsString()).contains("\"amount\"").contains("\"stage\"");
    }

    @Test
    void aSharedDealIsNotChangedThroughTheCrmDealButThroughItsSharedDeal() throws Exception {
        String dealId = fixtures.sharedDeal();

        ApiResponse refused = fixtures.api.patch("/api/deals/" + dealId, fixtures.token, Map.of("name", "Sneaky"));
        assertThat(refused.status()).isEqualTo(409);
        HttpResponse<String> page = session.submit("/deals/" + dealId, "/deals/" + dealId + "/edit",
                Map.of("name", "Sneaky", "amount", "1", "closeDate", "2027-01-01", "stage", "QUALIFIED_TO_BUY"));
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("data-testid=\"refusal\"").contains("change it through the shared deal");
        assertThat(session.get("/deals/" + dealId).body()).doesNotContain("data-testid=\"deal-form\"");
        assertThat(fixtures.api.get("/api/deals/" + dealId, fixtures.token).json("/name")).isEqualTo("Panel deal");
        assertThat(fixtures.api.patch("/api/deals/nope", fixtures.token, Map.of("name", "x")).status())
                .isEqualTo(404);
    }
}
