package com.dealbridge.partner.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PageSession;
import com.dealbridge.partner.PartnerServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Create shared deal from a contact's page: each step's refusals next to their fields, capacity up front. */
@PartnerServiceIntegrationTest
class RegistrationPagesIntegrationTest {

    static final String ADMIN = PartnerServiceIntegrationTest.ADMIN_TOKEN;
    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    ApiClient api;
    String base;

    @BeforeEach
    void setUp() {
        base = "http://localhost:" + port;
        api = new ApiClient(base);
    }

    record SignedIn(PageSession session, String token, String contactId) {
    }

    private SignedIn signedInWithContact(int capacity) {
        String partnerId = api.post("/admin/partners", ADMIN, Map.of("name", "Form Partners", "capacityLimit",
                capacity)).json("/id");
        String email = "form-" + UUID.randomUUID() + "@partner.test";
        ApiResponse user = api.post("/admin/partners/" + partnerId + "/users", ADMIN,
                Map.of("name", "Fran Form", "email", email));
        PageSession session = PageSession.signedInByInvitation(base, user.json("/invitationUrl"), email, PASSWORD);
        String contactId = api.post("/api/contacts", user.json("/token"),
                Map.of("firstName", "Cy", "lastName", "Contact", "email", "cy@customer.test")).json("/id");
        return new SignedIn(session, user.json("/token"), contactId);
    }

    @Test
    void blankAndMalformedDetailsAreShownNextToTheirFieldsAndNothingIsRegistered() {
        SignedIn user = signedInWithContact(5);
        String panel = "/contacts/" + user.contactId() + "/shared-deal";
        HttpResponse<String> refused = user.session().submit(panel, panel, Map.of("step", "details",
                "dealName", " ", "amount", "twelve", "currency", "USD", "closeDate", "2030-02-30"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"dealName-error\"").contains("id=\"amount-error\"")
                .contains("id=\"closeDate-error\"").doesNotContain("id=\"currency-error\"")
                .contains("data-testid=\"next\"");
        assertThat(api.get("/api/shared-deals", user.token()).json("/total")).isEqualTo("0");
    }

    @Test
    void theSecondStepAsksForTheQualifyingFieldsThenRegisters() {
        SignedIn user = signedInWithContact(5);
        String panel = "/contacts/" + user.contactId() + "/shared-deal";
        Map<String, String> details = new LinkedHashMap<>(Map.of("dealName", "Form deal", "amount", "250.50",
                "currency", "EUR", "closeDate", "2030-03-31"));
        details.put("step", "details");
        HttpResponse<String> next = user.session().submit(panel, panel, details);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).contains("data-testid=\"create-shared-deal\"").contains("name=\"introNote\"")
                .contains("name=\"painOrOpportunity\"").contains("name=\"nextSteps\"");

        details.put("step", "qualify");
        details.put("introNote", "Intro");
        details.put("painOrOpportunity", " ");
        details.put("nextSteps", "Call");
        HttpResponse<String> blank = user.session().submit(panel, panel, details);
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"painOrOpportunity-error\"").doesNotContain("id=\"introNote-error\"");

        details.put("painOrOpportunity", "Pain");
        HttpResponse<String> created = user.session().submit(panel, panel, details);
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.replaceAll(".*/shared-deals/", "");
        ApiResponse deal = api.get("/api/shared-deals/" + id, user.token());
        assertThat(deal.json("/dealName")).isEqualTo("Form deal");
        assertThat(deal.json("/amount")).isEqualTo("250.50");
        assertThat(deal.json("/currency")).isEqualTo("EUR");
        assertThat(deal.json("/painOrOpportunity")).isEqualTo("Pain");
        assertThat(user.session().get("/shared-deals/" + id).body()).contains("Form deal");
    }

    @Test
    void theDealsHomeFindsDealsByNameInTheTrackingViewAndAmongAllDeals() {
        SignedIn user = signedInWithContact(5);
        for (String name : new String[] {"Globex rollout", "Initech upgrade"}) {
            api.post("/api/shared-deals", user.token(), Map.of("sourceType", "CONTACT", "sourceId", user.contactId(),
                    "dealName", name, "amount", "10.00", "currency", "USD", "closeDate", "2030-01-01",
                    "introNote", "i", "painOrOpportunity", "p", "nextSteps", "n"));
        }
        api.post("/api/deals", user.token(), Map.of("name", "Globex side project", "amount", "5.00",
                "closeDate", "2030-01-01"));

        String tracking = user.session().get("/?name=GLOBEX").body();
        assertThat(tracking).contains("Globex rollout").doesNotContain("Initech upgrade")
                .doesNotContain("Globex side project");
        assertThat(user.session().get("/?view=all&name=globex").body()).contains("Globex rollout")
                .contains("Globex side project").doesNotContain("Initech upgrade");
        assertThat(api.get("/api/deals?name=initech", user.token()).json("/total")).isEqualTo("1");
        assertThat(api.get("/api/deals?name=.*", user.token()).json("/total")).as("taken literally").isEqualTo("0");
    }

    @Test
    void atCapacityThePanelSaysSoBeforeAnythingIsTyped() {
        SignedIn user = signedInWithContact(0);
        HttpResponse<String> panel = user.session().get("/contacts/" + user.contactId() + "/shared-deal");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("data-testid=\"at-capacity\"").doesNotContain("name=\"dealName\"");
    }

    @Test
    void anotherPartnersContactIsNotFound() {
        SignedIn owner = signedInWithContact(5);
        SignedIn stranger = signedInWithContact(5);
        assertThat(stranger.session().get("/contacts/" + owner.contactId()).statusCode()).isEqualTo(404);
        assertThat(stranger.session().get("/contacts/" + owner.contactId() + "/shared-deal").statusCode())
                .isEqualTo(404);
    }
}
