package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.awaitility.Awaitility.await;

import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.e2e.DealbridgeSystem.Rep;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Registrations on either side, as the end-to-end tests of registration rules make them. */
final class RegistrationSteps {

    static final Duration WAIT = Duration.ofSeconds(60);

    private RegistrationSteps() {
    }

    /** A partner-side company on {@code domain}; returns its id. */
    static String company(DealbridgeSystem system, PartnerUser user, String domain) {
        return ok(system.partner().post("/api/companies", user.token(),
                Map.of("name", "Company " + domain, "domain", domain)), 201).json("/id");
    }

    /** A convertible CRM deal: a company on {@code domain} and a contact of it; returns the deal's id. */
    static String crmDeal(DealbridgeSystem system, Rep rep, String domain) {
        String company = ok(system.crm().post("/api/companies", rep.token(),
                Map.of("name", "Company " + domain, "domain", domain)), 201).json("/id");
        String contact = ok(system.crm().post("/api/contacts", rep.token(), Map.of("firstName", "Cora",
                "lastName", "Contact", "email", "cora-" + UUID.randomUUID() + "@" + domain, "companyId", company)),
                201).json("/id");
        return ok(system.crm().post("/api/deals", rep.token(), Map.of("name", "Deal on " + domain,
                "amount", "30000.00", "closeDate", "2027-06-30", "stage", "QUALIFIED_TO_BUY",
                "contactIds", List.of(contact), "companyIds", List.of(company))), 201).json("/id");
    }

    /** The body of a rep's conversion for the user's partner. */
    static Map<String, Object> convert(PartnerUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerId", user.partnerId());
        body.put("welcomeNote", "Welcome");
        body.put("contactedPartnerConfirmed", true);
        return body;
    }

    /** The body of a partner's registration. */
    static Map<String, Object> registration(String sourceType, String sourceId, String dealName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceType", sourceType);
        body.put("sourceId", sourceId);
        body.put("dealName", dealName);
        body.put("amount", "12000.00");
        body.put("closeDate", "2027-03-31");
        body.put("introNote", "Met at the trade fair");
        body.put("painOrOpportunity", "Manual invoicing");
        body.put("nextSteps", "Demo next week");
        return body;
    }

    /** Waits until the CRM knows the partner (from the accounts topic), so a rep can convert for it. */
    static void awaitKnownOnCrm(DealbridgeSystem system, Rep rep, PartnerUser user) {
        await().atMost(WAIT).until(() -> ok(system.crm().get("/api/partners?size=500", rep.token()), 200)
                .node("/items").findValuesAsString("id").contains(user.partnerId()));
    }

    /** Waits until the deal is in the registration state on that side; returns the deal as then read. */
    static ApiResponse awaitState(ApiClient api, String token, String id, String state) {
        ApiResponse[] seen = new ApiResponse[1];
        await().atMost(WAIT).until(() -> {
            seen[0] = api.get("/api/shared-deals/" + id, token);
            return seen[0].status() == 200 && state.equals(seen[0].json("/registrationState"));
        });
        return seen[0];
    }

    /** The partner's active registrations as the CRM's partner list counts them. */
    static int activeRegistrationsOnCrm(DealbridgeSystem system, Rep rep, PartnerUser user) {
        return ok(system.crm().get("/api/partners?size=500", rep.token()), 200).node("/items").findParents("id")
                .stream().filter(p -> p.get("id").asText().equals(user.partnerId())).findFirst().orElseThrow()
                .get("activeDealRegistrations").asInt();
    }
}
