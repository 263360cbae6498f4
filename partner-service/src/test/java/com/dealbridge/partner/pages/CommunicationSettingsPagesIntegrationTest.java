package com.dealbridge.partner.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.partner.PartnerServiceIntegrationTest;
import com.dealbridge.partner.PortalUser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Settings → Partners → Communication: the toggle and the recipient, saved as the settings API saves them. */
@PartnerServiceIntegrationTest
class CommunicationSettingsPagesIntegrationTest {

    static final String PAGE = "/settings/partners/communication";

    @LocalServerPort
    int port;

    @Test
    void theToggleTurnedOffAndAnotherRecipientChosenAreWhatTheSettingsApiAnswers() {
        PortalUser alice = PortalUser.signedIn(port, "Settings Partners");
        PortalUser bob = alice.colleague("Bob Brennan");
        String form = alice.session().get(PAGE).body();
        assertThat(form).contains("data-testid=\"communication-settings\"")
                .contains("Get notified about your registered leads&#39; activity")
                .contains("Select notification recipient").contains("name=\"notifyRegisteredLeadActivity\"")
                .contains("Bob Brennan (" + bob.email() + ")");

        HttpResponse<String> saved = alice.session().submit(PAGE, PAGE, Map.of("recipientUserId", bob.id()));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(alice.get("/api/settings/communication").json("/notifyRegisteredLeadActivity")).isEqualTo("false");
        assertThat(alice.get("/api/settings/communication").json("/recipientUserId")).isEqualTo(bob.id());
        assertThat(bob.session().get(PAGE + "?saved").body()).contains("data-testid=\"settings-saved\"")
                .containsPattern("<option value=\"" + bob.id() + "\" selected");

        assertThat(alice.session().submit(PAGE, PAGE, Map.of("notifyRegisteredLeadActivity", "true",
                "recipientUserId", alice.id())).statusCode()).isEqualTo(302);
        assertThat(alice.get("/api/settings/communication").json("/notifyRegisteredLeadActivity")).isEqualTo("true");
        assertThat(alice.get("/api/settings/communication").json("/recipientUserId")).isEqualTo(alice.id());
    }

    @Test
    void aRecipientOfAnotherPartnerIsRefusedNextToTheFieldAndBadInputIsNeverAServerError() {
        PortalUser alice = PortalUser.signedIn(port, "Settings Partners");
        PortalUser stranger = PortalUser.signedIn(port, "Other Partners");
        HttpResponse<String> refused = alice.session().submit(PAGE, PAGE, Map.of("notifyRegisteredLeadActivity", "true",
                "recipientUserId", stranger.id()));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"recipientUserId-error\"");
        assertThat(alice.session().submit(PAGE, PAGE, Map.of("recipientUserId", "")).statusCode()).isEqualTo(422);
        assertThat(alice.session().submit(PAGE, PAGE, Map.of("notifyRegisteredLeadActivity", "maybe",
                "recipientUserId", alice.id())).statusCode()).isBetween(400, 499);
        assertThat(alice.session().post(PAGE, Map.of("recipientUserId", alice.id())).statusCode()).isEqualTo(403);
        assertThat(alice.get("/api/settings/communication").json("/recipientUserId")).isEqualTo(alice.id());
    }
}
