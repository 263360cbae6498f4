package com.dealbridge.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import java.util.Map;
import java.util.UUID;

/** Creates sales reps through the real admin API. */
public final class TestReps {

    private TestReps() {
    }

    /** @return the new rep's token */
    public static String createToken(ApiClient api) {
        ApiResponse rep = api.post("/admin/sales-reps", CrmServiceIntegrationTest.ADMIN_TOKEN,
                Map.of("name", "Rep " + UUID.randomUUID(), "email", UUID.randomUUID() + "@vendor.example"));
        assertThat(rep.status()).as(rep.toString()).isEqualTo(201);
        return rep.json("/token");
    }
}
