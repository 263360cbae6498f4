package com.dealbridge.crm.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.crm.CrmServiceIntegrationTest;
import com.dealbridge.kit.test.ApiResponse;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rep's browser gets the friendly error page, with the status, for what fails on a page (a deal that does not
 * exist, a link to nothing, a form without its CSRF token, a refused action); the API's paths keep answering
 * problem+json.
 */
@CrmServiceIntegrationTest
class WorkspaceErrorPagesIntegrationTest extends WorkspacePageTest {

    @Override
    String repName() {
        return "Erin Error";
    }

    @Test
    void anUnknownDealAndAnUnknownPathShowTheNotFoundPage() {
        for (String path : new String[] { "/deals/no-such-deal", "/deals/no-such-deal/shared", "/no/such/page" }) {
            HttpResponse<String> page = session.get(path);

            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/html"));
            assertThat(page.body()).as(path).contains("data-testid=\"error-page\"").contains("data-status=\"404\"")
                    .contains("Not found");
        }
    }

    @Test
    void aFormWithoutItsCsrfTokenShowsTheNotAllowedPage() throws Exception {
        String dealId = fixtures.sharedDeal();

        HttpResponse<String> forged = session.post("/deals/" + dealId + "/stage", Map.of("stage", "CLOSED_LOST"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("data-testid=\"error-page\"").contains("data-status=\"403\"");
        assertThat(fixtures.api.get("/api/deals/" + dealId, fixtures.token).json("/stage"))
                .isEqualTo("QUALIFIED_TO_BUY");
    }

    @Test
    void theErrorPageSpeaksSwedishWhenAskedTo() {
        HttpResponse<String> page = session.get("/deals/no-such-deal?lang=sv");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Hittades inte");
    }

    @Test
    void theApiStillAnswersProblemJsonForWhatItDoesNotKnow() {
        for (String path : new String[] { "/api/deals/no-such-deal", "/api/no-such-resource" }) {
            ApiResponse missing = fixtures.api.get(path, fixtures.token);

            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.isProblem()).as(path + ": " + missing).isTrue();
        }
    }
}
