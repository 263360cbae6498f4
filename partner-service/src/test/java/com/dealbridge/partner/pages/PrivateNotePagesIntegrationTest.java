package com.dealbridge.partner.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.partner.PartnerServiceIntegrationTest;
import com.dealbridge.partner.PortalUser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Notes tab: private notes of the deal, marked as never shared, kept out of everything shared. */
@PartnerServiceIntegrationTest
class PrivateNotePagesIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aPrivateNoteIsListedOnTheNotesTabMarkedNeverSharedAndAppearsNowhereShared() {
        PortalUser user = PortalUser.signedIn(port, "Private Partners");
        String id = user.sharedDeal("Private deal");
        String tab = "/shared-deals/" + id + "/notes";
        HttpResponse<String> saved = user.session().submit(tab, tab, Map.of("body", "Budget is really 40k"));
        assertThat(saved.statusCode()).isEqualTo(302);

        String page = user.session().get(tab).body();
        assertThat(page).contains("data-testid=\"never-shared\"").contains("never shared with the vendor")
                .contains("Budget is really 40k").contains("data-testid=\"notes-tab\"");
        String dealId = user.get("/api/shared-deals/" + id).json("/dealId");
        assertThat(user.get("/api/deals/" + dealId + "/notes").json("/items/0/body")).isEqualTo("Budget is really 40k");
        assertThat(user.get("/api/shared-deals/" + id + "/shared-notes").json("/total")).isEqualTo("0");
        assertThat(user.get("/api/shared-deals/" + id + "/shared-activity").bodyAsString()).doesNotContain("40k");
        assertThat(user.session().get("/shared-deals/" + id + "/shared").body()).doesNotContain("40k");
    }

    @Test
    void aBlankNoteIsRefusedNextToTheFieldAPostWithoutCsrfIsRefusedAndAnotherPartnersDealIsNotFound() {
        PortalUser user = PortalUser.signedIn(port, "Private Partners");
        String tab = "/shared-deals/" + user.sharedDeal("Private deal") + "/notes";
        HttpResponse<String> blank = user.session().submit(tab, tab, Map.of("body", "  "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"private-body-error\"");
        assertThat(user.session().post(tab, Map.of("body", "forged")).statusCode()).isEqualTo(403);

        PortalUser stranger = PortalUser.signedIn(port, "Nosy Partners");
        assertThat(stranger.session().get(tab).statusCode()).isEqualTo(404);
        assertThat(stranger.session().submit("/", tab, Map.of("body", "mine now")).statusCode()).isEqualTo(404);
        assertThat(user.session().get(tab).body()).doesNotContain("mine now").doesNotContain("forged");
    }
}
