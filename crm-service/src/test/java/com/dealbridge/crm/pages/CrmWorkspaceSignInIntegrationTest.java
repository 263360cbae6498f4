package com.dealbridge.crm.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.crm.CrmServiceIntegrationTest;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PageSession;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The CRM workspace's sign-in over HTTP: a sales rep's invitation, password, session, and the Deals page. */
@CrmServiceIntegrationTest
class CrmWorkspaceSignInIntegrationTest {

    static final String ADMIN = CrmServiceIntegrationTest.ADMIN_TOKEN;
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

    record Rep(String email, String token, String invitationUrl) {
    }

    private Rep newRep() {
        String email = "rep-" + UUID.randomUUID() + "@vendor.example";
        ApiResponse rep = api.post("/admin/sales-reps", ADMIN, Map.of("name", "Rita Rep", "email", email));
        assertThat(rep.status()).as(rep.toString()).isEqualTo(201);
        return new Rep(email, rep.json("/token"), rep.json("/invitationUrl"));
    }

    private PageSession signedIn(Rep rep) {
        return PageSession.signedInByInvitation(base, rep.invitationUrl(), rep.email(), PASSWORD);
    }

    @Test
    void aNewRepsInvitationLinkSetsAPasswordOnceAndTheRepSignsInWithIt() {
        Rep rep = newRep();
        assertThat(rep.invitationUrl()).startsWith(base + "/invitations/");
        PageSession session = new PageSession(base);
        String invitation = URI.create(rep.invitationUrl()).getPath();
        HttpResponse<String> form = session.get(invitation);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"password\"").contains("name=\"_csrf\"");

        assertThat(session.submit(invitation, invitation, Map.of("password", PASSWORD)).statusCode()).isEqualTo(302);
        assertThat(session.get(invitation).statusCode()).as("the link works once").isEqualTo(404);

        HttpResponse<String> signIn = session.submit("/sign-in", "/sign-in",
                Map.of("email", rep.email().toUpperCase(), "password", PASSWORD));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("DEALBRIDGE_CRM_SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        HttpResponse<String> home = session.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Rita Rep").contains("data-testid=\"deal-filters\"");
    }

    @Test
    void aWrongPasswordIsRefusedAndThePagesStayClosedWithoutASession() {
        Rep rep = newRep();
        signedIn(rep);
        PageSession stranger = new PageSession(base);
        HttpResponse<String> wrong = stranger.submit("/sign-in", "/sign-in",
                Map.of("email", rep.email(), "password", "not the password"));
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?error"));
        assertThat(stranger.get("/").statusCode()).isEqualTo(302);
        assertThat(api.get("/api/deals", rep.token()).status()).as("the token still opens the API").isEqualTo(200);
    }

    @Test
    void theDealsPageFiltersSharedAndNotSharedDealsAndByStage() {
        PageSession session = signedIn(newRep());
        String name = "Filtered " + UUID.randomUUID();
        ApiResponse created = api.post("/api/deals", newRep().token(), Map.of("name", name, "amount", 1200,
                "currency", "EUR", "closeDate", "2027-03-01", "stage", "CONTRACT_SENT",
                "contactIds", List.of(), "companyIds", List.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        assertThat(session.get("/?shared=no&stage=CONTRACT_SENT").body()).contains(name).contains("Contract sent");
        assertThat(session.get("/?shared=yes").body()).doesNotContain(name);
        assertThat(session.get("/?stage=CLOSED_WON").body()).doesNotContain(name);
        assertThat(session.get("/?shared=no&lang=sv").body()).contains(name).contains("Avtal skickat");
    }
}
