package com.dealbridge.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import java.util.Map;
import java.util.UUID;

/** Creates partners and users through the real admin API. */
public final class TestPartners {

    /** A partner with one user; {@code token} authenticates that user. */
    public record TestPartner(String id, String userId, String token) {
    }

    private TestPartners() {
    }

    public static TestPartner create(ApiClient api, String name) {
        ApiResponse partner = api.post("/admin/partners", PartnerServiceIntegrationTest.ADMIN_TOKEN,
                Map.of("name", name, "capacityLimit", 3));
        assertThat(partner.status()).as(partner.toString()).isEqualTo(201);
        String partnerId = partner.json("/id");
        ApiResponse user = api.post("/admin/partners/" + partnerId + "/users", PartnerServiceIntegrationTest.ADMIN_TOKEN,
                Map.of("name", "User of " + name, "email", UUID.randomUUID() + "@partner.example"));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        return new TestPartner(partnerId, user.json("/id"), user.json("/token"));
    }
}
