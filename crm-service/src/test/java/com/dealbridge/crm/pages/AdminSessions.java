package com.dealbridge.crm.pages;

import com.dealbridge.crm.CrmServiceIntegrationTest;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PageSession;
import java.util.Map;
import java.util.UUID;

/** A workspace admin: a rep created with {@code admin: true} through the admin API, signed in by invitation. */
final class AdminSessions {

    private AdminSessions() {
    }

    static PageSession signIn(WorkspaceFixtures fixtures, String name) {
        String email = "admin-" + UUID.randomUUID() + "@vendor.example";
        ApiResponse rep = fixtures.api.post("/admin/sales-reps", CrmServiceIntegrationTest.ADMIN_TOKEN,
                Map.of("name", name, "email", email, "admin", true));
        if (rep.status() != 201 || !"true".equals(rep.json("/admin"))) {
            throw new AssertionError("no admin rep: " + rep);
        }
        return PageSession.signedInByInvitation(fixtures.base, rep.json("/invitationUrl"), email,
                WorkspaceFixtures.PASSWORD);
    }
}
