package com.dealbridge.partner.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PageSession;
import com.dealbridge.partner.PartnerServiceIntegrationTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portal's sign-in over HTTP: invitation, password, session cookie, CSRF, lockout, tenant isolation. */
@PartnerServiceIntegrationTest
class PortalSignInIntegrationTest {

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

    record User(String email, String token, String invitationUrl) {
    }

    private User newUser() {
        String partnerId = api.post("/admin/partners", ADMIN, Map.of("name", "Page Partners", "capacityLimit", 5))
                .json("/id");
        String email = "page-" + UUID.randomUUID() + "@partner.test";
        ApiResponse user = api.post("/admin/partners/" + partnerId + "/users", ADMIN,
                Map.of("name", "Paige Page", "email", email));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        return new User(email, user.json("/token"), user.json("/invitationUrl"));
    }

    private PageSession signedIn(User user) {
        return PageSession.signedInByInvitation(base, user.invitationUrl(), user.email(), PASSWORD);
    }

    @Test
    void anInvitedUserSetsAPasswordOnceAndSignsInWithIt() {
        User user = newUser();
        assertThat(user.invitationUrl()).startsWith(base + "/invitations/db_");
        PageSession session = new PageSession(base);
        String invitation = URI.create(user.invitationUrl()).getPath();
        HttpResponse<String> form = session.get(invitation);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"password\"").contains("name=\"_csrf\"");

        HttpResponse<String> tooShort = session.submit(invitation, invitation, Map.of("password", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(session.submit(invitation, invitation, Map.of("password", PASSWORD)).statusCode()).isEqualTo(302);
        assertThat(session.get(invitation).statusCode()).as("the link works once").isEqualTo(404);

        HttpResponse<String> signIn = session.submit("/sign-in", "/sign-in",
                Map.of("email", user.email().toUpperCase(), "password", PASSWORD));
        assertThat(signIn.statusCode()).isEqualTo(302);
        String cookie = signIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("DEALBRIDGE_PARTNER_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        HttpResponse<String> home = session.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Paige Page").contains("data-testid=\"view-tracking\"");
    }

    @Test
    void aWrongPasswordGetsTheSameGenericErrorAsAnUnknownAddress() {
        User user = newUser();
        signedIn(user);
        PageSession other = new PageSession(base);
        HttpResponse<String> wrong = other.submit("/sign-in", "/sign-in",
                Map.of("email", user.email(), "password", "not the password"));
        HttpResponse<String> unknown = other.submit("/sign-in", "/sign-in",
                Map.of("email", "nobody-" + UUID.randomUUID() + "@partner.test", "password", PASSWORD));
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?error"));
        assertThat(unknown.headers().firstValue("Location")).isEqualTo(wrong.headers().firstValue("Location"));
        assertThat(other.get("/").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in"));
    }

    @Test
    void fiveFailedSignInsLockTheAddressEvenForTheRightPassword() {
        User user = newUser();
        signedIn(user);
        PageSession attacker = new PageSession(base);
        for (int i = 0; i < 5; i++) {
            attacker.submit("/sign-in", "/sign-in", Map.of("email", user.email(), "password", "guess " + i));
        }
        HttpResponse<String> right = attacker.submit("/sign-in", "/sign-in",
                Map.of("email", user.email(), "password", PASSWORD));
        assertThat(right.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?locked"));
        assertThat(attacker.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        User user = newUser();
        PageSession session = new PageSession(base);
        String invitation = URI.create(user.invitationUrl()).getPath();
        session.get(invitation);
        HttpResponse<String> forged = session.post(invitation, Map.of("password", PASSWORD));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(session.get(invitation).statusCode()).as("the invitation is still unused").isEqualTo(200);
    }

    @Test
    void theApiStillAnswersBearerTokensWithProblems() {
        User user = newUser();
        assertThat(api.get("/api/me", user.token()).status()).isEqualTo(200);
        ApiResponse missing = api.get("/api/me", null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.isProblem()).isTrue();
        assertThat(api.get("/", user.token()).status()).as("a token never opens the pages").isEqualTo(302);
    }

    @Test
    void anEmailLinkOpenedBeforeSignInLandsOnTheDealAfterIt() {
        User user = newUser();
        String contactId = api.post("/api/contacts", user.token(),
                Map.of("firstName", "Em", "lastName", "Link", "email", "em@lead.test")).json("/id");
        ApiResponse deal = api.post("/api/shared-deals", user.token(), Map.of("sourceType", "CONTACT",
                "sourceId", contactId, "dealName", "Linked deal", "amount", "100.00", "currency", "USD",
                "closeDate", "2030-01-01", "introNote", "i", "painOrOpportunity", "p", "nextSteps", "n"));
        PageSession session = new PageSession(base);
        String invitation = URI.create(user.invitationUrl()).getPath();
        session.submit(invitation, invitation, Map.of("password", PASSWORD));

        HttpResponse<String> link = session.get("/deals/" + deal.json("/dealId"));
        assertThat(link.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in"));
        HttpResponse<String> signIn = session.submit("/sign-in", "/sign-in",
                Map.of("email", user.email(), "password", PASSWORD));
        String landing = signIn.headers().firstValue("Location").orElseThrow();
        assertThat(landing).contains("/deals/" + deal.json("/dealId"));
        HttpResponse<String> opened = session.get(landing);
        assertThat(opened.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/shared-deals/" + deal.json("/id")));
        assertThat(session.get("/shared-deals/" + deal.json("/id")).body()).contains("Linked deal");
    }

    @Test
    void anotherPartnersDealPageIsNotFound() {
        User owner = newUser();
        String contactId = api.post("/api/contacts", owner.token(),
                Map.of("firstName", "Ann", "lastName", "Lead", "email", "ann@lead.test")).json("/id");
        String dealId = api.post("/api/shared-deals", owner.token(), Map.of("sourceType", "CONTACT",
                "sourceId", contactId, "dealName", "Isolated deal", "amount", "100.00", "currency", "USD",
                "closeDate", "2030-01-01", "introNote", "i", "painOrOpportunity", "p", "nextSteps", "n")).json("/id");
        PageSession ownerSession = signedIn(owner);
        assertThat(ownerSession.get("/shared-deals/" + dealId).body()).contains("Isolated deal");

        PageSession stranger = signedIn(newUser());
        HttpResponse<String> page = stranger.get("/shared-deals/" + dealId);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Isolated deal");
        assertThat(stranger.get("/shared-deals/" + dealId + "/events").statusCode()).isEqualTo(404);
    }
}
