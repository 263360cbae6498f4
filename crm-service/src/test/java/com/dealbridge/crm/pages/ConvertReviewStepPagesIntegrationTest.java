package com.dealbridge.crm.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.crm.CrmServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Convert to shared deal panel's review step over HTTP: Next checks the fields with the conversion's own checks
 * (errors next to the fields, 422, nothing converted), shows the review (partner, contact, welcome note,
 * confirmation) with Back and Add partner; Back keeps what was chosen; Add partner converts.
 */
@CrmServiceIntegrationTest
class ConvertReviewStepPagesIntegrationTest extends WorkspacePageTest {

    @Override
    String repName() {
        return "Rene Review";
    }

    @Test
    void nextShowsTheReviewAndAddPartnerConvertsTheDeal() throws Exception {
        String partnerId = UUID.randomUUID().toString();
        String userId = UUID.randomUUID().toString();
        String partnerName = "Review Partner " + partnerId.substring(0, 8);
        fixtures.knownPartner(partnerId, partnerName, userId);
        String dealId = fixtures.dealWithContactAndCompany();
        String panel = "/deals/" + dealId + "/convert";
        Map<String, String> fields = Map.of("partnerId", partnerId, "partnerContactId", userId,
                "welcomeNote", "Glad to work with you", "contactedPartnerConfirmed", "true");

        HttpResponse<String> review = session.submit(panel, panel + "/review", fields);

        assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
        assertThat(review.body()).contains("data-testid=\"convert-review\"").contains(partnerName)
                .contains("Paula Partner &lt;paula@partner.example&gt;").contains("Glad to work with you")
                .contains("data-testid=\"review-confirmed\"").contains("data-testid=\"back\"")
                .contains("data-testid=\"add-partner\"").doesNotContain("data-testid=\"next\"");
        assertThat(fixtures.sharedDealIdOf(dealId)).as("the review converts nothing").isNull();

        HttpResponse<String> back = session.submit(panel, panel + "/edit", fields);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("data-testid=\"next\"").contains(">Glad to work with you</textarea>")
                .containsPattern("value=\"" + partnerId + "\"\\s+selected")
                .containsPattern("id=\"contactedPartnerConfirmed\"[^>]*checked");

        HttpResponse<String> added = session.submit(panel, panel, fields);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        assertThat(fixtures.sharedDealIdOf(dealId)).isNotBlank();
    }

    @Test
    void nextRefusesMissingFieldsNextToThemAndKeepsWhatWasTyped() throws Exception {
        String dealId = fixtures.dealWithContactAndCompany();
        String panel = "/deals/" + dealId + "/convert";

        HttpResponse<String> refused = session.submit(panel, panel + "/review",
                Map.of("welcomeNote", "Draft welcome"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("data-testid=\"partnerId-error\"")
                .contains("data-testid=\"contactedPartnerConfirmed-error\"")
                .containsPattern("id=\"partnerId\"[^>]*aria-invalid=\"true\"")
                .contains(">Draft welcome</textarea>").doesNotContain("data-testid=\"convert-review\"");
        assertThat(fixtures.sharedDealIdOf(dealId)).isNull();
    }

    @Test
    void nextRefusesAContactOfAnotherPartnerNextToTheContactField() throws Exception {
        String partnerId = UUID.randomUUID().toString();
        fixtures.knownPartner(partnerId, "Contact Partner", UUID.randomUUID().toString());
        String dealId = fixtures.dealWithContactAndCompany();
        String panel = "/deals/" + dealId + "/convert";

        HttpResponse<String> refused = session.submit(panel, panel + "/review", Map.of("partnerId", partnerId,
                "partnerContactId", UUID.randomUUID().toString(), "contactedPartnerConfirmed", "true"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("data-testid=\"partnerContactId-error\"");
    }

    @Test
    void nextRefusesADealWithoutCompanyOrContactAtTheTopOfThePanel() throws Exception {
        String partnerId = UUID.randomUUID().toString();
        fixtures.knownPartner(partnerId, "Bare Review Partner", UUID.randomUUID().toString());
        String dealId = fixtures.api.post("/api/deals", fixtures.token, Map.of("name", "Bare review deal",
                "amount", "100.00", "closeDate", "2027-01-31", "stage", "QUALIFIED_TO_BUY",
                "contactIds", List.of(), "companyIds", List.of())).json("/id");
        String panel = "/deals/" + dealId + "/convert";

        HttpResponse<String> refused = session.submit(panel, panel + "/review",
                Map.of("partnerId", partnerId, "contactedPartnerConfirmed", "true"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("data-testid=\"refusal\"").contains("data-testid=\"companyIds-error\"")
                .contains("data-testid=\"contactIds-error\"");
    }

    @Test
    void addPartnerForAPartnerAtCapacityIsRefusedInThePanel() throws Exception {
        String partnerId = UUID.randomUUID().toString();
        fixtures.knownPartner(partnerId, "Full Partner", UUID.randomUUID().toString());
        for (int i = 0; i < 3; i++) {
            String other = fixtures.dealWithContactAndCompany();
            assertThat(fixtures.api.post("/api/deals/" + other + "/convert-to-shared", fixtures.token,
                    Map.of("partnerId", partnerId, "contactedPartnerConfirmed", true)).status()).isEqualTo(201);
        }
        String dealId = fixtures.dealWithContactAndCompany();
        String panel = "/deals/" + dealId + "/convert";

        HttpResponse<String> refused = session.submit(panel, panel, Map.of("partnerId", partnerId,
                "contactedPartnerConfirmed", "true"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("data-testid=\"refusal\"").contains("capacity limit of 3");
        assertThat(session.get(panel).body()).contains("Full Partner (3 / 3 active registrations)");
    }
}
