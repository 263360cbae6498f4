package com.dealbridge.crm.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.crm.CrmServiceIntegrationTest;
import com.dealbridge.kit.test.PageSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The CRM's Shared tab over HTTP: the timeline oldest first (the portal's template), a shared note and a comment
 * through the service of the API's {@code shared-notes}, refusals next to the field, and the page's live stream.
 */
@CrmServiceIntegrationTest
class SharedTabPagesIntegrationTest extends WorkspacePageTest {

    @Override
    String repName() {
        return "Shari Shared";
    }

    @Test
    void aRepAddsASharedNoteAndCommentsOnItAndTheTimelineShowsThemOldestFirst() throws Exception {
        String dealId = fixtures.sharedDeal();
        String tab = "/deals/" + dealId + "/shared";
        assertThat(session.get("/deals/" + dealId).body()).contains("data-testid=\"shared-tab\"");

        HttpResponse<String> first = session.submit(tab, "/deals/" + dealId + "/shared-notes",
                Map.of("body", "First from the CRM"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
        session.submit(tab, "/deals/" + dealId + "/shared-notes", Map.of("body", "Second from the CRM"));
        String sharedDealId = fixtures.sharedDealIdOf(dealId);
        String noteId = fixtures.api.get("/api/shared-deals/" + sharedDealId + "/shared-notes", fixtures.token)
                .json("/items/0/id");
        HttpResponse<String> commented = session.submit(tab,
                "/deals/" + dealId + "/shared-notes/" + noteId + "/comments", Map.of("body", "Noted"));
        assertThat(commented.statusCode()).as(commented.body()).isEqualTo(302);

        String page = session.get(tab).body();
        assertThat(page).contains("data-testid=\"add-shared-message\"").contains("data-testid=\"save-note\"")
                .contains(">Noted<").contains("Shari Shared");
        assertThat(page.indexOf("First from the CRM")).isLessThan(page.indexOf("Second from the CRM"));
        assertThat(session.get("/deals/" + dealId + "/timeline").body()).contains("id=\"timeline\"")
                .contains("Second from the CRM").doesNotContain("<html");
        assertThat(fixtures.api.get("/api/shared-deals/" + sharedDealId + "/shared-notes", fixtures.token)
                .bodyAsString()).contains("First from the CRM", "Second from the CRM", "Noted");
    }

    @Test
    void aBlankNoteIsRefusedNextToTheFieldAndAddsNothing() throws Exception {
        String dealId = fixtures.sharedDeal();

        HttpResponse<String> refused = session.submit("/deals/" + dealId + "/shared",
                "/deals/" + dealId + "/shared-notes", Map.of("body", "   "));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"body-error\"");
        assertThat(fixtures.api.get("/api/shared-deals/" + fixtures.sharedDealIdOf(dealId) + "/shared-notes",
                fixtures.token).json("/total")).isEqualTo("0");
    }

    @Test
    void anOpenSharedTabHearsThatTheDealChangedWhenANoteArrivesThroughTheApi() throws Exception {
        String dealId = fixtures.sharedDeal();
        List<String> lines = new CopyOnWriteArrayList<>();

        try (PageSession.EventStream stream = session.events("/deals/" + dealId + "/events", lines::add)) {
            assertThat(stream.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:connected"));
            fixtures.api.post("/api/shared-deals/" + fixtures.sharedDealIdOf(dealId) + "/shared-notes",
                    fixtures.token, Map.of("body", "Live from the API"));
            await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event:deal-changed"));
        }
    }

    @Test
    void aDealThatIsNotSharedHasNoSharedTab() {
        String dealId = fixtures.dealWithContactAndCompany();

        assertThat(session.get("/deals/" + dealId).body()).doesNotContain("data-testid=\"shared-tab\"");
        assertThat(session.get("/deals/" + dealId + "/shared").statusCode()).isEqualTo(404);
    }
}
