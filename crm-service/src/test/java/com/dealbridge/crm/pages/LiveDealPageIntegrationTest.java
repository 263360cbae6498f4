package com.dealbridge.crm.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.crm.CrmServiceIntegrationTest;
import com.dealbridge.kit.test.PageSession;
import com.dealbridge.shareddeal.live.LiveDealPages;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The open deal page of a shared deal follows changes made elsewhere: its event stream says the deal changed, and
 * the fragments it then fetches again (the details with banner, status and registration state, and each edit form)
 * carry the new values; every edit form is marked to keep a rep's draft (pages.js holds it and shows its notice).
 */
@CrmServiceIntegrationTest
class LiveDealPageIntegrationTest extends WorkspacePageTest {

    @Autowired
    LiveDealPages live;

    @Override
    String repName() {
        return "Liv Live";
    }

    @Test
    void aChangeMadeElsewhereIsAnnouncedOnTheStreamAndTheRefreshedFragmentsShowIt() throws Exception {
        String dealId = fixtures.sharedDeal();
        String sharedDealId = fixtures.sharedDealIdOf(dealId);
        List<String> lines = new CopyOnWriteArrayList<>();

        try (PageSession.EventStream stream = connectedStream(dealId, lines)) {
            assertThat(fixtures.api.patch("/api/shared-deals/" + sharedDealId, fixtures.token,
                    Map.of("amount", "7777.00", "stage", "CONTRACT_SENT")).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event:deal-changed"));
        }

        String details = session.get("/deals/" + dealId + "/card").body();
        assertThat(details).contains("id=\"details\"").contains("7777.00").contains("Contract sent")
                .contains("data-testid=\"deal-status\"").contains("data-testid=\"registration-state\"")
                .doesNotContain("<html");
        String form = session.get("/deals/" + dealId + "/edits/edit-details").body();
        assertThat(form).contains("id=\"edit-details\"").contains("data-keep-drafts").contains("7777.00")
                .contains("data-testid=\"reload-values\"").doesNotContain("<html");
        assertThat(session.get("/deals/" + dealId + "/edits/edit-stage").body())
                .containsPattern("value=\"CONTRACT_SENT\"\\s+selected");
    }

    /** The server hears nothing when a page closes; the heartbeat's write after it fails and ends the stream. */
    @Test
    void aClosedPageIsForgottenAtTheNextHeartbeatsAndItsStreamHearsThemWhileOpen() throws Exception {
        String dealId = fixtures.sharedDeal();
        String sharedDealId = fixtures.sharedDealIdOf(dealId);
        List<String> lines = new CopyOnWriteArrayList<>();

        try (PageSession.EventStream stream = connectedStream(dealId, lines)) {
            assertThat(live.openStreams(sharedDealId)).isEqualTo(1);
            // the heartbeat is a comment line, which EventSource ignores
            await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains(":"));
            assertThat(live.openStreams(sharedDealId)).isEqualTo(1);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> live.openStreams(sharedDealId) == 0);
        assertThat(fixtures.api.patch("/api/shared-deals/" + sharedDealId, fixtures.token,
                Map.of("amount", "8888.00")).status()).isEqualTo(200);
    }

    /** The deal page's event stream, once the service said it is connected; its lines go to {@code lines}. */
    private PageSession.EventStream connectedStream(String dealId, List<String> lines) {
        PageSession.EventStream stream = session.events("/deals/" + dealId + "/events", lines::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:connected"));
        return stream;
    }

    @Test
    void theDealPageMarksEveryEditFormToRefreshItselfAndKeepDrafts() throws Exception {
        String dealId = fixtures.sharedDeal();

        String page = session.get("/deals/" + dealId).body();

        assertThat(page).contains("data-events=\"/deals/" + dealId + "/events\"");
        for (String fragment : List.of("edit-details", "edit-stage", "edit-compensation", "edit-quotes")) {
            Matcher tag = Pattern.compile("<section[^>]* id=\"" + fragment + "\"[^>]*>").matcher(page);
            assertThat(tag.find()).as(fragment).isTrue();
            assertThat(tag.group()).as(fragment).contains("hx-get=\"/deals/" + dealId + "/edits/" + fragment + "\"")
                    .contains("hx-trigger=\"deal-changed from:body\"").contains("hx-swap=\"outerHTML\"")
                    .contains(" data-keep-drafts");
        }
        assertThat(page).contains("data-stale-notice hidden");
    }

    @Test
    void anUnknownFormOrADealThatIsNotSharedHasNoLiveForm() throws Exception {
        String shared = fixtures.sharedDeal();
        String own = fixtures.dealWithContactAndCompany();

        HttpResponse<String> unknown = session.get("/deals/" + shared + "/edits/layout");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(session.get("/deals/" + own + "/edits/edit-details").statusCode()).isEqualTo(404);
    }
}
