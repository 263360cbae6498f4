package com.dealbridge.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PageSession;
import java.util.Map;
import java.util.UUID;

/**
 * A new partner's user, created through the admin API and signed in to the portal through the invitation link:
 * the page session, and the same user's API token and client for setting things up and checking results.
 */
public record PortalUser(String base, ApiClient api, PageSession session, String token, String partnerId, String id, String email) {

    public static final String PASSWORD = "correct horse battery";

    public static PortalUser signedIn(int port, String partnerName) {
        String base = "http://localhost:" + port;
        ApiClient api = new ApiClient(base);
        String partnerId = api.post("/admin/partners", PartnerServiceIntegrationTest.ADMIN_TOKEN,
                Map.of("name", partnerName, "capacityLimit", 5)).json("/id");
        return invite(base, api, partnerId, "Pat Portal");
    }

    /** Another user of the same partner, signed in too. */
    public PortalUser colleague(String name) {
        return invite(base, api, partnerId, name);
    }

    /** A shared deal this user registered from a new contact, through the API. */
    public String sharedDeal(String dealName) {
        String contactId = api.post("/api/contacts", token, Map.of("firstName", "Cy", "lastName", "Contact",
                "email", "cy-" + UUID.randomUUID() + "@customer.test")).json("/id");
        ApiResponse registered = api.post("/api/shared-deals", token, Map.of("sourceType", "CONTACT",
                "sourceId", contactId, "dealName", dealName, "amount", "10.00", "currency", "USD",
                "closeDate", "2030-01-01", "introNote", "i", "painOrOpportunity", "p", "nextSteps", "n"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.json("/id");
    }

    public ApiResponse get(String path) {
        return api.get(path, token);
    }

    private static PortalUser invite(String base, ApiClient api, String partnerId, String name) {
        String email = "portal-" + UUID.randomUUID() + "@partner.test";
        ApiResponse user = api.post("/admin/partners/" + partnerId + "/users", PartnerServiceIntegrationTest.ADMIN_TOKEN,
                Map.of("name", name, "email", email));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        PageSession session = PageSession.signedInByInvitation(base, user.json("/invitationUrl"), email, PASSWORD);
        return new PortalUser(base, api, session, user.json("/token"), partnerId, user.json("/id"), email);
    }
}
