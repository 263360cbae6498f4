package com.dealbridge.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.contracts.avro.PersonRef;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiDocumentChecks;
import com.dealbridge.kit.test.ApiFuzzer;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.MongoState;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every operation of crm-service's own OpenAPI document, sent many malformed variants (see {@link ApiFuzzer}): no
 * answer is a 5xx, every 4xx is problem+json, and after every 4xx the MongoDB state is what it was before.
 * Reproduce a finding with {@code -Dfuzz.seed=<seed>}; {@code -Dfuzz.variants} sets the random requests per
 * operation.
 */
@CrmServiceIntegrationTest
class ApiFuzzIntegrationTest {

    @LocalServerPort
    int port;

    /** This context's broker: the system property names the JVM's newest, maybe a closed @DirtiesContext one. */
    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theApiDocumentIsCompleteAndTyped() throws Exception {
        ApiDocumentChecks.assertCompleteAndTyped(new ApiClient("http://localhost:" + port), "dealbridge crm-service API");
    }

    @Test
    void noMalformedRequestGetsA5xxOrChangesState() throws Exception {
        ApiClient api = new ApiClient("http://localhost:" + port);
        String admin = CrmServiceIntegrationTest.ADMIN_TOKEN;
        String token = TestReps.createToken(api);
        ApiResponse spare = ok(api.post("/admin/sales-reps", admin, Map.of("name", "Spare Rep", "email",
                UUID.randomUUID() + "@vendor.example")));
        String productId = ok(api.post("/admin/products", admin, Map.of("name", "Fuzz product", "sku",
                "FUZZ-" + UUID.randomUUID(), "unitPrice", "10.00"))).json("/id");
        String companyId = ok(api.post("/api/companies", token, Map.of("name", "Fuzz Co", "domain",
                "fuzz-co.example"))).json("/id");
        String contactId = ok(api.post("/api/contacts", token, Map.of("firstName", "Fay", "lastName", "Fuzz",
                "email", "fay@fuzz-co.example", "companyId", companyId))).json("/id");
        String dealId = deal(api, token, contactId, companyId);
        String otherDealId = deal(api, token, contactId, companyId);
        String partnerId = UUID.randomUUID().toString();
        String partnerUserId = "u-" + UUID.randomUUID();
        knownPartner(api, token, partnerId, partnerUserId);
        String sharedId = ok(api.post("/api/deals/" + dealId + "/convert-to-shared", token, Map.of("partnerId",
                partnerId, "welcomeNote", "Welcome", "contactedPartnerConfirmed", true))).json("/id");
        String noteId = ok(api.post("/api/shared-deals/" + sharedId + "/shared-notes", token,
                Map.of("body", "A shared note"))).json("/id");
        String commentId = ok(api.post("/api/shared-deals/" + sharedId + "/shared-notes/" + noteId + "/comments",
                token, Map.of("body", "A comment"))).json("/id");
        String attachmentId = ok(api.postMultipart("/api/shared-deals/" + sharedId + "/shared-notes/" + noteId
                + "/attachments", token, "file", "notes.txt", "text/plain",
                "plain text".getBytes(StandardCharsets.UTF_8))).json("/id");
        String quoteId = ok(api.post("/api/shared-deals/" + sharedId + "/quotes", token, Map.of("title", "Quote",
                "lineItems", List.of(Map.of("productId", productId, "quantity", 2))))).json("/id");

        ApiFuzzer fuzzer = new ApiFuzzer(api, api.get("/v3/api-docs", null).json())
                .seed(Long.getLong("fuzz.seed", 20261231L))
                .variantsPerOperation(Integer.getInteger("fuzz.variants", 30))
                .token(op -> op.path().startsWith("/admin") ? admin : op.path().startsWith("/api") ? token : null)
                .otherTokens(admin, spare.json("/token"))
                .pathValues("id", sharedId)
                .pathValues("/api/deals/{id} id", dealId)
                .pathValues("dealId", otherDealId, dealId)
                .pathValues("noteId", noteId)
                .pathValues("commentId", commentId)
                .pathValues("attachmentId", attachmentId)
                .pathValues("quoteId", quoteId)
                .pathValues("repId", spare.json("/id"))
                .field("productIds", r -> List.of(productId))
                .field("contactIds", r -> List.of(contactId))
                .field("companyIds", r -> List.of(companyId))
                .field("companyId", r -> companyId)
                .field("lineItems", r -> List.of(lineItem(productId, 1 + r.nextInt(5))))
                .field("partnerId", r -> partnerId)
                .field("partnerContactId", r -> partnerUserId)
                .field("contactedPartnerConfirmed", r -> true)
                .field("currency", r -> "USD")
                .field("sku", r -> "FUZZ-" + r.nextInt(1_000_000_000))
                .field("domain", r -> "fuzz" + r.nextInt(1_000_000) + ".example")
                .field("stage", r -> r.nextBoolean() ? "QUALIFIED_TO_BUY" : "PRESENTATION_SCHEDULED")
                .field("DealPatch.introNote", r -> ApiFuzzer.OMIT)
                .field("DealPatch.painOrOpportunity", r -> ApiFuzzer.OMIT)
                .field("DealPatch.nextSteps", r -> ApiFuzzer.OMIT)
                .field("DealPatch.currency", r -> ApiFuzzer.OMIT)
                .query("status", r -> List.of("ACTIVE", "CLOSED", "ALL").get(r.nextInt(3)))
                .state(() -> MongoState.fingerprint(mongo))
                // a purchase closes the deal won, a token change or deletion takes an id away: after the rest
                .last(op -> op.method().equals("DELETE") || op.path().endsWith("/token")
                        || op.path().endsWith("/purchase"));
        ApiFuzzer.Report report = fuzzer.run();
        System.out.println("crm-service fuzz: " + report);

        assertThat(report.requests()).isGreaterThan(1000);
        assertThat(report.findings()).as(report + "\n" + report.findings().stream().limit(40)
                .map(ApiFuzzer.Finding::toString).collect(Collectors.joining("\n"))).isEmpty();
    }

    private static Map<String, Object> lineItem(String productId, int quantity) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("productId", productId);
        item.put("quantity", quantity);
        return item;
    }

    private static String deal(ApiClient api, String token, String contactId, String companyId) {
        return ok(api.post("/api/deals", token, Map.of("name", "Fuzz deal", "amount", "100.00", "closeDate",
                "2027-01-31", "stage", "QUALIFIED_TO_BUY", "contactIds", List.of(contactId), "companyIds",
                List.of(companyId)))).json("/id");
    }

    /** A partner the CRM knows from the accounts topic, with room for many registrations. */
    private void knownPartner(ApiClient api, String token, String partnerId, String userId) throws Exception {
        KnownPartners.publish(brokers, api, token, partnerId, "Fuzz Partner", 1000,
                new PersonRef(userId, "Fuzz Partner User", "user@fuzz-partner.example"));
    }

    private static ApiResponse ok(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response;
    }
}
