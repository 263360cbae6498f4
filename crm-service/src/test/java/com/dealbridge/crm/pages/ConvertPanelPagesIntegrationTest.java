package com.dealbridge.crm.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.crm.CrmServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Convert to shared deal panel over HTTP, through the real conversion service: the partner dropdown from the
 * accounts topic with its capacity, the refusals shown in the panel, and a conversion that links the deal.
 */
@CrmServiceIntegrationTest
class ConvertPanelPagesIntegrationTest extends WorkspacePageTest {

    @Override
    String repName() {
        return "Connie Convert";
    }

    @Test
    void aRepConvertsADealForAPartnerAfterThePanelRefusedTheUnconfirmedTry() throws Exception {
        String partnerId = UUID.randomUUID().toString();
        String userId = UUID.randomUUID().toString();
        String partnerName = "Panel Partner " + partnerId.substring(0, 8);
        fixtures.knownPartner(partnerId, partnerName, userId);
        String dealId = fixtures.dealWithContactAndCompany();

        HttpResponse<String> panel = session.get("/deals/" + dealId + "/convert");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains(partnerName + " (0 / 3 active registrations)")
                .contains("name=\"partnerContactId\"").contains("name=\"welcomeNote\"")
                .contains("name=\"contactedPartnerConfirmed\"").contains("data-testid=\"next\"");

        HttpResponse<String> unconfirmed = session.submit("/deals/" + dealId + "/convert",
                "/deals/" + dealId + "/convert", Map.of("partnerId", partnerId, "partnerContactId", userId,
                        "welcomeNote", "Welcome aboard"));
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("data-testid=\"contactedPartnerConfirmed-error\"")
                .contains("Welcome aboard");

        HttpResponse<String> converted = session.submit("/deals/" + dealId + "/convert",
                "/deals/" + dealId + "/convert", Map.of("partnerId", partnerId, "partnerContactId", userId,
                        "welcomeNote", "Welcome aboard", "contactedPartnerConfirmed", "true"));
        assertThat(converted.statusCode()).as(converted.body()).isEqualTo(302);
        assertThat(fixtures.api.get("/api/deals/" + dealId, fixtures.token).json("/sharedDealId")).isNotBlank();
        assertThat(session.get("/deals/" + dealId).body()).doesNotContain("data-testid=\"convert-to-shared-deal\"");
        assertThat(session.get("/?shared=yes").body()).contains(dealId);
    }

    @Test
    void aDealWithoutContactOrCompanyIsRefusedInThePanel() throws Exception {
        String partnerId = UUID.randomUUID().toString();
        String userId = UUID.randomUUID().toString();
        fixtures.knownPartner(partnerId, "Bare Partner", userId);
        String dealId = fixtures.api.post("/api/deals", fixtures.token, Map.of("name", "Bare deal", "amount", "100.00",
                "closeDate", "2027-01-31", "stage", "QUALIFIED_TO_BUY", "contactIds", List.of(),
                "companyIds", List.of())).json("/id");

        HttpResponse<String> refused = session.submit("/deals/" + dealId + "/convert",
                "/deals/" + dealId + "/convert", Map.of("partnerId", partnerId,
                        "contactedPartnerConfirmed", "true"));
        assertThat(refused.statusCode()).isBetween(400, 499);
        assertThat(refused.body()).contains("data-testid=\"refusal\"");
        assertThat(fixtures.api.get("/api/deals/" + dealId, fixtures.token).bodyAsString()).doesNotContain("\"sharedDealId\":\"");
    }

    @Test
    void aMalformedConfirmationIsRefusedAndConvertsNothing() throws Exception {
        String partnerId = UUID.randomUUID().toString();
        String userId = UUID.randomUUID().toString();
        fixtures.knownPartner(partnerId, "Careful Partner", userId);
        String dealId = fixtures.dealWithContactAndCompany();

        for (String step : List.of("/convert/review", "/convert/edit", "/convert")) {
            HttpResponse<String> refused = session.submit("/deals/" + dealId + "/convert",
                    "/deals/" + dealId + step, Map.of("partnerId", partnerId, "partnerContactId", userId,
                            "contactedPartnerConfirmed", "maybe"));
            assertThat(refused.statusCode()).as(step).isEqualTo(400);
        }
        assertThat(fixtures.api.get("/api/deals/" + dealId, fixtures.token).bodyAsString())
                .doesNotContain("\"sharedDealId\":\"");
    }
}
