package com.dealbridge.e2e;

import static com.dealbridge.e2e.BrowserSystemTest.PASSWORD;
import static com.dealbridge.e2e.BrowserSystemTest.WAIT;
import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.e2e.DealbridgeSystem.Rep;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The CRM workspace's steps the browser tests share: signing in through the invitation link, API set-up. */
final class CrmSteps {

    private final DealbridgeSystem system;
    private final Browser browser;

    CrmSteps(DealbridgeSystem system, Browser browser) {
        this.system = system;
        this.browser = browser;
    }

    /** Signs out whoever is signed in, sets the rep's password through the invitation link and signs in. */
    void signIn(String name, String email, String invitationUrl) {
        browser.open(system.crmUrl() + "/sign-in");
        browser.driver.manage().deleteAllCookies();
        browser.open(invitationUrl);
        browser.type("password", PASSWORD);
        browser.byTestId("set-password").click();
        browser.awaitTestId("password-set");
        submitSignIn(email, PASSWORD);
        await().atMost(WAIT).until(() -> browser.driver.getCurrentUrl().equals(system.crmUrl() + "/"));
        assertThat(browser.byTestId("signed-in-as").getText()).isEqualTo(name);
    }

    void signIn(Rep rep) {
        signIn(rep.name(), rep.email(), rep.invitationUrl());
    }

    /** Sends the sign-in form from the sign-in page (whatever it answers). */
    void submitSignIn(String email, String password) {
        if (!browser.driver.getCurrentUrl().startsWith(system.crmUrl() + "/sign-in")) {
            browser.open(system.crmUrl() + "/sign-in");
        }
        browser.type("email", email);
        browser.type("password", password);
        browser.byTestId("sign-in").click();
    }

    /** A CRM deal with a company and a contact, so it can be converted; its id. */
    String crmDeal(Rep rep, String name) {
        String domain = "initech-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String companyId = ok(system.crm().post("/api/companies", rep.token(), Map.of("name", "Initech",
                "domain", domain)), 201).json("/id");
        String contactId = ok(system.crm().post("/api/contacts", rep.token(), Map.of("firstName", "Peter",
                "lastName", "Gibbons", "email", "peter@" + domain, "companyId", companyId)), 201).json("/id");
        return ok(system.crm().post("/api/deals", rep.token(), Map.of("name", name, "amount", "45000.00",
                "closeDate", "2030-03-31", "stage", "QUALIFIED_TO_BUY", "contactIds", List.of(contactId),
                "companyIds", List.of(companyId))), 201).json("/id");
    }

    /** The CRM deal converted for the partner through the API, once the partner has it; the shared deal's id. */
    String converted(Rep rep, PartnerUser partner, String crmDealId) {
        await().atMost(WAIT).until(() -> system.crm().get("/api/partners?size=500", rep.token())
                .bodyAsString().contains(partner.partnerId()));
        String sharedDealId = ok(system.crm().post("/api/deals/" + crmDealId + "/convert-to-shared", rep.token(),
                Map.of("partnerId", partner.partnerId(), "welcomeNote", "Welcome", "contactedPartnerConfirmed",
                        true)), 201).json("/id");
        await().atMost(WAIT).until(() -> system.partner().get("/api/shared-deals/" + sharedDealId, partner.token())
                .status() == 200);
        return sharedDealId;
    }
}
