package com.dealbridge.crm.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PageSession;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admins' *Sales reps* and *Products* pages over HTTP: what they add is what the admin API would have added
 * (the new rep signs in with the link shown once; the product is in {@code GET /api/products}), invalid input is
 * shown next to its field with what was typed (422), and reps who are not admins are refused.
 */
@com.dealbridge.crm.CrmServiceIntegrationTest
class AdminSettingsPagesIntegrationTest extends WorkspacePageTest {

    static final String REPS = "/settings/sales-reps";
    static final String PRODUCTS = "/settings/products";
    private static final Pattern INVITATION = Pattern.compile("data-testid=\"invitation-url\">([^<]+)<");

    PageSession admin;

    @Override
    String repName() {
        return "Olga Ordinary";
    }

    @BeforeEach
    void signInAnAdmin() {
        admin = AdminSessions.signIn(fixtures, "Adam Admin");
    }

    @Test
    void anAdminAddsARepWhoSignsInWithTheLinkShownOnceAndIsAnAdminWhenTicked() {
        String email = "new-" + UUID.randomUUID() + "@vendor.example";

        HttpResponse<String> created = admin.submit(REPS, REPS, Map.of("name", "Nina New", "email", email,
                "admin", "true"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String shown = admin.get(REPS).body();
        assertThat(shown).contains("data-testid=\"flash\"").contains(email);
        Matcher link = INVITATION.matcher(shown);
        assertThat(link.find()).as(shown).isTrue();
        assertThat(admin.get(REPS).body()).as("the link is shown only once").doesNotContain("invitation-url");
        PageSession nina = PageSession.signedInByInvitation(fixtures.base, link.group(1).replace("&amp;", "&"), email,
                WorkspaceFixtures.PASSWORD);
        assertThat(nina.get("/").body()).contains("Nina New").contains("data-testid=\"nav-sync-health\"");
        assertThat(nina.get(SyncHealthPagesIntegrationTest.PAGE).statusCode()).isEqualTo(200);
    }

    @Test
    void aRepAddedWithoutTheAdminBoxIsNoAdmin() {
        String email = "plain-" + UUID.randomUUID() + "@vendor.example";
        assertThat(admin.submit(REPS, REPS, Map.of("name", "Pia Plain", "email", email)).statusCode()).isEqualTo(302);
        Matcher link = INVITATION.matcher(admin.get(REPS).body());
        assertThat(link.find()).isTrue();

        PageSession pia = PageSession.signedInByInvitation(fixtures.base, link.group(1), email,
                WorkspaceFixtures.PASSWORD);

        assertThat(pia.get(REPS).statusCode()).isEqualTo(403);
        assertThat(pia.get("/").body()).doesNotContain("nav-sales-reps");
    }

    @Test
    void anInvalidRepIsShownNextToItsFieldsWithWhatWasTyped() {
        HttpResponse<String> refused = admin.submit(REPS, REPS, Map.of("name", " ", "email", "not-an-address"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("data-testid=\"name-error\"").contains("data-testid=\"email-error\"")
                .contains("value=\"not-an-address\"");
    }

    @Test
    void aRepWithAnEmailInUseIsRefusedNextToTheEmail() {
        String email = "twice-" + UUID.randomUUID() + "@vendor.example";
        assertThat(admin.submit(REPS, REPS, Map.of("name", "Tom Twice", "email", email)).statusCode()).isEqualTo(302);

        HttpResponse<String> again = admin.submit(REPS, REPS, Map.of("name", "Tom Again", "email", email));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("data-testid=\"email-error\">A sales rep with this e-mail address exists.<")
                .contains("value=\"Tom Again\"");
    }

    @Test
    void anAdminAddsAProductThatTheCatalogueThenOffers() {
        String sku = "PAGE-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> created = admin.submit(PRODUCTS, PRODUCTS, Map.of("name", "Page Suite " + sku,
                "sku", sku, "unitPrice", "1234.50"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(admin.get(PRODUCTS).body()).contains("data-testid=\"flash\"").contains(sku);
        ApiResponse products = fixtures.api.get("/api/products?size=500", fixtures.token);
        assertThat(products.bodyAsString()).contains("\"sku\":\"" + sku + "\"").contains("\"unitPrice\":\"1234.50\"");
    }

    @Test
    void anInvalidProductIsShownNextToItsFieldsWithWhatWasTypedAndNothingIsAdded() {
        String sku = "bad sku " + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> refused = admin.submit(PRODUCTS, PRODUCTS, Map.of("name", "", "sku", sku,
                "unitPrice", "lots"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("data-testid=\"name-error\"").contains("data-testid=\"sku-error\"")
                .contains("data-testid=\"unitPrice-error\"").contains("value=\"lots\"").contains("value=\"" + sku + "\"");
        HttpResponse<String> tooPrecise = admin.submit(PRODUCTS, PRODUCTS, Map.of("name", "Precise",
                "sku", "PRECISE-" + UUID.randomUUID().toString().substring(0, 8), "unitPrice", "1.005"));
        assertThat(tooPrecise.statusCode()).isEqualTo(422);
        assertThat(tooPrecise.body()).contains("data-testid=\"unitPrice-error\"").doesNotContain("data-testid=\"sku-error\"");
        assertThat(fixtures.api.get("/api/products?size=500", fixtures.token).bodyAsString()).doesNotContain(sku)
                .doesNotContain("\"name\":\"Precise\"");
    }

    @Test
    void aProductWithASkuInUseIsRefusedNextToTheSku() {
        String sku = "TWICE-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.submit(PRODUCTS, PRODUCTS, Map.of("name", "Once", "sku", sku, "unitPrice", "1.00"))
                .statusCode()).isEqualTo(302);

        HttpResponse<String> again = admin.submit(PRODUCTS, PRODUCTS, Map.of("name", "Twice", "sku",
                sku.toLowerCase(), "unitPrice", "2.00"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("data-testid=\"sku-error\">A product with this SKU exists.<");
    }

    @Test
    void repsWhoAreNotAdminsAreRefusedBothPagesAndTheirForms() {
        assertThat(session.get(REPS).statusCode()).isEqualTo(403);
        assertThat(session.get(PRODUCTS).statusCode()).isEqualTo(403);
        String csrf = PageSession.csrfOf(session.get("/").body());
        String sku = "NOPE-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> forged = session.post(PRODUCTS, Map.of("_csrf", csrf, "name", "Nope", "sku", sku,
                "unitPrice", "1.00"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("data-status=\"403\"");
        assertThat(fixtures.api.get("/api/products?size=500", fixtures.token).bodyAsString()).doesNotContain(sku);
    }

    @Test
    void theAdminPagesSpeakSwedish() {
        assertThat(admin.get(PRODUCTS + "?lang=sv").body()).contains("L\u00e4gg till produkt");
        assertThat(admin.get(REPS).body()).contains("L\u00e4gg till s\u00e4ljare");
    }

    @Test
    void theAdminApiSaysWhetherANewRepIsAnAdminAndDefaultsToNot() {
        ApiResponse plain = fixtures.api.post("/admin/sales-reps", com.dealbridge.crm.CrmServiceIntegrationTest.ADMIN_TOKEN,
                Map.of("name", "Api Plain", "email", "api-" + UUID.randomUUID() + "@vendor.example"));
        assertThat(plain.status()).isEqualTo(201);
        assertThat(plain.json("/admin")).isEqualTo("false");
        assertThat(plain.json("/token")).isNotBlank();
    }
}
