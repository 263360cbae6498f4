package com.dealbridge.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.avro.ProductChanged;
import com.dealbridge.contracts.serde.AvroSerializer;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiDocumentChecks;
import com.dealbridge.kit.test.ApiFuzzer;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.MongoState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every operation of partner-service's own OpenAPI document, sent many malformed variants (see {@link ApiFuzzer}):
 * no answer is a 5xx, every 4xx is problem+json, and after every 4xx the MongoDB state is what it was before.
 * Reproduce a finding with {@code -Dfuzz.seed=<seed>}; {@code -Dfuzz.variants} sets the requests per operation.
 */
@PartnerServiceIntegrationTest
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
        ApiDocumentChecks.assertCompleteAndTyped(new ApiClient("http://localhost:" + port), "dealbridge partner-service API");
    }

    @Test
    void noMalformedRequestGetsA5xxOrChangesState() throws Exception {
        ApiClient api = new ApiClient("http://localhost:" + port);
        String admin = PartnerServiceIntegrationTest.ADMIN_TOKEN;
        ApiResponse partner = ok(api.post("/admin/partners", admin, Map.of("name", "Fuzz Partner",
                "capacityLimit", 1000)));
        String partnerId = partner.json("/id");
        ApiResponse user = ok(api.post("/admin/partners/" + partnerId + "/users", admin,
                Map.of("name", "Fuzz User", "email", UUID.randomUUID() + "@fuzz.example")));
        String token = user.json("/token");
        ApiResponse spare = ok(api.post("/admin/partners/" + partnerId + "/users", admin,
                Map.of("name", "Spare User", "email", UUID.randomUUID() + "@fuzz.example")));
        String otherPartnerToken = TestPartners.create(api, "Other Fuzz Partner").token();
        String productId = publishProduct(api, token);
        String companyId = ok(api.post("/api/companies", token, Map.of("name", "Fuzz Co", "domain",
                "fuzz-co.example"))).json("/id");
        String contactId = ok(api.post("/api/contacts", token, Map.of("firstName", "Fay", "lastName", "Fuzz",
                "email", "fay@fuzz-co.example", "companyId", companyId))).json("/id");
        String dealId = ok(api.post("/api/deals", token, Map.of("name", "Fuzz deal", "amount", "100.00",
                "closeDate", "2027-01-31", "contactIds", List.of(contactId), "companyIds", List.of(companyId))))
                .json("/id");
        String sharedId = ok(api.post("/api/shared-deals", token, registration("DEAL", dealId, productId)))
                .json("/id");
        String noteId = ok(api.post("/api/shared-deals/" + sharedId + "/shared-notes", token,
                Map.of("body", "A shared note"))).json("/id");
        String commentId = ok(api.post("/api/shared-deals/" + sharedId + "/shared-notes/" + noteId + "/comments",
                token, Map.of("body", "A comment"))).json("/id");
        String attachmentId = ok(api.postMultipart("/api/shared-deals/" + sharedId + "/shared-notes/" + noteId
                + "/attachments", token, "file", "notes.txt", "text/plain",
                "plain text".getBytes(StandardCharsets.UTF_8))).json("/id");
        ok(api.post("/api/deals/" + dealId + "/notes", token, Map.of("body", "A private note")));

        ApiFuzzer fuzzer = new ApiFuzzer(api, api.get("/v3/api-docs", null).json())
                .seed(Long.getLong("fuzz.seed", 20261231L))
                .variantsPerOperation(Integer.getInteger("fuzz.variants", 30))
                .token(op -> op.path().startsWith("/admin") ? admin : op.path().startsWith("/api") ? token : null)
                .otherTokens(admin, spare.json("/token"), otherPartnerToken)
                .pathValues("id", sharedId)
                .pathValues("/api/deals/{id} id", dealId)
                .pathValues("/api/notifications/{id}/read id", UUID.randomUUID().toString())
                .pathValues("dealId", dealId)
                .pathValues("noteId", noteId)
                .pathValues("commentId", commentId)
                .pathValues("attachmentId", attachmentId)
                .pathValues("partnerId", partnerId)
                .pathValues("userId", spare.json("/id"))
                .field("sourceType", r -> "CONTACT")
                .field("sourceId", r -> contactId)
                .field("productIds", r -> List.of(productId))
                .field("contactIds", r -> List.of(contactId))
                .field("companyIds", r -> List.of(companyId))
                .field("companyId", r -> companyId)
                .field("currency", r -> r.nextBoolean() ? "USD" : "EUR")
                .field("domain", r -> "fuzz" + r.nextInt(1_000_000) + ".example")
                .field("capacityLimit", r -> 1 + r.nextInt(10))
                .field("recipientUserId", r -> user.json("/id"))
                .field("stage", r -> r.nextBoolean() ? "QUALIFIED_TO_BUY" : "PRESENTATION_SCHEDULED")
                .field("DealPatch.introNote", r -> ApiFuzzer.OMIT)
                .field("DealPatch.painOrOpportunity", r -> ApiFuzzer.OMIT)
                .field("DealPatch.nextSteps", r -> ApiFuzzer.OMIT)
                .field("DealPatch.partnerCompensationEligible", r -> ApiFuzzer.OMIT)
                .field("DealPatch.currency", r -> ApiFuzzer.OMIT)
                .query("status", r -> List.of("ACTIVE", "CLOSED", "ALL").get(r.nextInt(3)))
                .query("activeDealRegistrations", r -> String.valueOf(r.nextInt(2)))
                .state(() -> MongoState.fingerprint(mongo))
                .last(op -> op.method().equals("DELETE") || op.path().endsWith("/token"));
        ApiFuzzer.Report report = fuzzer.run();
        System.out.println("partner-service fuzz: " + report);

        assertThat(report.requests()).isGreaterThan(1000);
        assertThat(report.findings()).as(report + "\n" + report.findings().stream().limit(40)
                .map(ApiFuzzer.Finding::toString).collect(Collectors.joining("\n"))).isEmpty();
    }

    private static Map<String, Object> registration(String sourceType, String sourceId, String productId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceType", sourceType);
        body.put("sourceId", sourceId);
        body.put("dealName", "Fuzz registration");
        body.put("amount", "1200.00");
        body.put("closeDate", "2027-03-31");
        body.put("introNote", "Intro");
        body.put("painOrOpportunity", "Pain");
        body.put("nextSteps", "Next");
        body.put("productIds", List.of(productId));
        return body;
    }

    private String publishProduct(ApiClient api, String token) throws Exception {
        String id = UUID.randomUUID().toString();
        ProductChanged product = ProductChanged.newBuilder().setProductId(id).setName("Fuzz product")
                .setSku("SKU-" + id).setUnitPrice("10.00").setCurrency("USD").setActive(true).setRevision(1)
                .setChangedAt(Instant.now()).build();
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(),
                new AvroSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CRM_PRODUCTS, id, product)).get();
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/products?size=500", token).bodyAsString().contains(id));
        return id;
    }

    private static ApiResponse ok(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return response;
    }
}
