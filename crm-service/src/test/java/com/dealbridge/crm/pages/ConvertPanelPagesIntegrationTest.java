package com.dealbridge.crm.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.avro.PartnerAccountChanged;
import com.dealbridge.contracts.avro.PersonRef;
import com.dealbridge.contracts.serde.AvroSerializer;
import com.dealbridge.crm.CrmServiceIntegrationTest;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PageSession;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Convert to shared deal panel over HTTP, through the real conversion service: the partner dropdown from the
 * accounts topic with its capacity, the refusals shown in the panel, and a conversion that links the deal.
 */
@CrmServiceIntegrationTest
class ConvertPanelPagesIntegrationTest {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    ApiClient api;
    String base;
    String token;
    PageSession session;

    @BeforeEach
    void setUp() {
        base = "http://localhost:" + port;
        api = new ApiClient(base);
        String email = "convert-" + UUID.randomUUID() + "@vendor.example";
        ApiResponse rep = api.post("/admin/sales-reps", CrmServiceIntegrationTest.ADMIN_TOKEN,
                Map.of("name", "Connie Convert", "email", email));
        token = rep.json("/token");
        session = new PageSession(base);
        String invitation = URI.create(rep.json("/invitationUrl")).getPath();
        session.submit(invitation, invitation, Map.of("password", PASSWORD));
        session.submit("/sign-in", "/sign-in", Map.of("email", email, "password", PASSWORD));
    }

    @Test
    void aRepConvertsADealForAPartnerAfterThePanelRefusedTheUnconfirmedTry() throws Exception {
        String partnerId = UUID.randomUUID().toString();
        String userId = UUID.randomUUID().toString();
        String partnerName = "Panel Partner " + partnerId.substring(0, 8);
        knownPartner(partnerId, partnerName, userId);
        String dealId = dealWithContactAndCompany();

        HttpResponse<String> panel = session.get("/deals/" + dealId + "/convert");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains(partnerName + " (0 / 3 active registrations)")
                .contains("name=\"partnerContactId\"").contains("name=\"welcomeNote\"")
                .contains("name=\"contactedPartnerConfirmed\"").contains("data-testid=\"add-partner\"");

        HttpResponse<String> unconfirmed = session.submit("/deals/" + dealId + "/convert",
                "/deals/" + dealId + "/convert", Map.of("partnerId", partnerId, "partnerContactId", userId,
                        "welcomeNote", "Welcome aboard"));
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("data-testid=\"refusal\"").contains("Welcome aboard");

        HttpResponse<String> converted = session.submit("/deals/" + dealId + "/convert",
                "/deals/" + dealId + "/convert", Map.of("partnerId", partnerId, "partnerContactId", userId,
                        "welcomeNote", "Welcome aboard", "contactedPartnerConfirmed", "true"));
        assertThat(converted.statusCode()).as(converted.body()).isEqualTo(302);
        assertThat(api.get("/api/deals/" + dealId, token).json("/sharedDealId")).isNotBlank();
        assertThat(session.get("/deals/" + dealId).body()).doesNotContain("data-testid=\"convert-to-shared-deal\"");
        assertThat(session.get("/?shared=yes").body()).contains(dealId);
    }

    @Test
    void aDealWithoutContactOrCompanyIsRefusedInThePanel() throws Exception {
        String partnerId = UUID.randomUUID().toString();
        String userId = UUID.randomUUID().toString();
        knownPartner(partnerId, "Bare Partner", userId);
        String dealId = api.post("/api/deals", token, Map.of("name", "Bare deal", "amount", "100.00",
                "closeDate", "2027-01-31", "stage", "QUALIFIED_TO_BUY", "contactIds", List.of(),
                "companyIds", List.of())).json("/id");

        HttpResponse<String> refused = session.submit("/deals/" + dealId + "/convert",
                "/deals/" + dealId + "/convert", Map.of("partnerId", partnerId,
                        "contactedPartnerConfirmed", "true"));
        assertThat(refused.statusCode()).isBetween(400, 499);
        assertThat(refused.body()).contains("data-testid=\"refusal\"");
        assertThat(api.get("/api/deals/" + dealId, token).bodyAsString()).doesNotContain("\"sharedDealId\":\"");
    }

    private String dealWithContactAndCompany() {
        String domain = "panel-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String companyId = api.post("/api/companies", token, Map.of("name", "Panel Co", "domain", domain))
                .json("/id");
        String contactId = api.post("/api/contacts", token, Map.of("firstName", "Pia", "lastName", "Panel",
                "email", "pia@" + domain, "companyId", companyId)).json("/id");
        ApiResponse deal = api.post("/api/deals", token, Map.of("name", "Panel deal", "amount", "100.00",
                "closeDate", "2027-01-31", "stage", "QUALIFIED_TO_BUY", "contactIds", List.of(contactId),
                "companyIds", List.of(companyId)));
        assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
        return deal.json("/id");
    }

    private void knownPartner(String partnerId, String name, String userId) throws Exception {
        PartnerAccountChanged account = PartnerAccountChanged.newBuilder().setPartnerId(partnerId).setName(name)
                .setCapacityLimit(3).setUsers(List.of(new PersonRef(userId, "Paula Partner", "paula@partner.example")))
                .setNotificationRecipientUserId(userId).setNotifyRegisteredLeadActivity(true).setRevision(1)
                .setChangedAt(Instant.now()).build();
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(),
                new AvroSerializer())) {
            producer.send(new ProducerRecord<>(Topics.PARTNER_ACCOUNTS, partnerId, account)).get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/partners?size=500", token).bodyAsString().contains(partnerId));
    }
}
