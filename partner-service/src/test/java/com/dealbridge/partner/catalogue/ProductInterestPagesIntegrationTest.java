package com.dealbridge.partner.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.kit.test.PageSession;
import com.dealbridge.partner.PartnerServiceIntegrationTest;
import com.dealbridge.partner.PortalUser;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Product interest → Edit → choose products from the catalogue → Change product, on the shared deal page. */
@PartnerServiceIntegrationTest
class ProductInterestPagesIntegrationTest {

    @LocalServerPort
    int port;
    /** Written as the products listener writes what the CRM publishes. */
    @Autowired
    Catalogue catalogue;

    private String product(String name) {
        String id = "p-" + UUID.randomUUID();
        catalogue.apply(new CatalogueProduct(id, name, "SKU-" + id.substring(2, 8), new BigDecimal("49.00"), "USD",
                true, 1, Instant.now()));
        return id;
    }

    @Test
    void productsChosenFromTheCatalogueBecomeTheDealsProductInterest() {
        PortalUser user = PortalUser.signedIn(port, "Product Partners");
        String starter = product("Starter plan");
        String growth = product("Growth plan");
        String id = user.sharedDeal("Product deal");
        String deal = "/shared-deals/" + id;
        assertThat(user.session().get(deal).body()).contains("data-testid=\"product-interest-edit\"");
        String edit = user.session().get(deal + "/product-interest").body();
        assertThat(edit).contains("Starter plan").contains("Growth plan").contains("data-testid=\"change-product\"");

        HttpResponse<String> changed = post(user.session(), deal + "/product-interest", starter, growth);
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(user.get("/api/shared-deals/" + id).node("/productInterest").findValuesAsString("id"))
                .containsExactlyInAnyOrder(starter, growth);
        assertThat(user.session().get(deal).body()).contains("Starter plan").contains("Growth plan");
        assertThat(user.session().get(deal + "/product-interest").body())
                .containsPattern("value=\"" + starter + "\"[^>]*checked");

        assertThat(post(user.session(), deal + "/product-interest").statusCode()).isEqualTo(302);
        assertThat(user.get("/api/shared-deals/" + id).size("/productInterest")).isZero();
    }

    @Test
    void anUnknownProductIsRefusedNextToTheListAndAnotherPartnersDealIsNotFound() {
        PortalUser user = PortalUser.signedIn(port, "Product Partners");
        String id = user.sharedDeal("Product deal");
        String page = "/shared-deals/" + id + "/product-interest";
        HttpResponse<String> unknown = post(user.session(), page, "no-such-product");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("id=\"productIds-error\"");
        assertThat(user.session().post(page, Map.of("productIds", product("Forged plan"))).statusCode())
                .isEqualTo(403);
        assertThat(user.get("/api/shared-deals/" + id).size("/productInterest")).isZero();

        PortalUser stranger = PortalUser.signedIn(port, "Nosy Partners");
        assertThat(stranger.session().get(page).statusCode()).isEqualTo(404);
        assertThat(post(stranger.session(), page).statusCode()).isEqualTo(404);
    }

    /** The form as a browser sends it: one {@code productIds} field per ticked product, with the page's token. */
    private static HttpResponse<String> post(PageSession session, String page, String... productIds) {
        String csrf = PageSession.csrfOf(session.get("/").body());
        StringBuilder form = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        for (String productId : productIds) {
            form.append("&productIds=").append(URLEncoder.encode(productId, StandardCharsets.UTF_8));
        }
        return session.postRaw(page, form.toString());
    }
}
