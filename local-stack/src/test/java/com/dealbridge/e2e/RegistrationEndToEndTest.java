package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.e2e.DealbridgeSystem.Rep;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.Registration;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.store.OfflineStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Story 1 across both services and one broker: register → CRM registers and assigns a rep → partner sees it. */
class RegistrationEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static DealbridgeSystem system;
    private static List<Rep> reps;

    @BeforeAll
    static void startSystem() {
        system = DealbridgeSystem.start();
        reps = List.of(system.newRep("Ann Rep"), system.newRep("Bob Rep"), system.newRep("Cyd Rep"));
    }

    @AfterAll
    static void stopSystem() {
        system.close();
    }

    @Test
    void partnerSeesTheRepAssignedToADealRegisteredFromAContact() {
        PartnerUser user = system.newPartner("Contact Partners", 5);
        String contactId = contact(user);

        ApiResponse created = ok(system.partner().post("/api/shared-deals", user.token(),
                registration("CONTACT", contactId, "Globex rollout")), 201);
        String id = created.json("/id");
        assertThat(created.json("/registeredBy")).isEqualTo("PARTNER");
        assertThat(created.json("/status")).isEqualTo("ACTIVE");
        assertThat(created.json("/partnerOwner/id")).isEqualTo(user.userId());
        assertThat(created.header("Location")).endsWith("/api/shared-deals/" + id);

        ApiResponse seen = awaitAssigned(user, id);
        String repId = seen.json("/assignedRep/id");
        assertThat(reps).extracting(Rep::id).contains(repId);
        assertThat(seen.json("/syncState")).isEqualTo("IN_SYNC");

        Rep rep = reps.stream().filter(r -> r.id().equals(repId)).findFirst().orElseThrow();
        ApiResponse onCrm = ok(system.crm().get("/api/shared-deals/" + id, rep.token()), 200);
        assertThat(onCrm.json("/dealName")).isEqualTo("Globex rollout");
        assertThat(onCrm.json("/introNote")).isEqualTo("Met at the trade fair");
        assertThat(onCrm.json("/assignedRep/id")).isEqualTo(repId);
        ok(system.crm().get("/api/deals/" + onCrm.json("/dealId"), rep.token()), 200);

        ApiResponse tracked = ok(system.partner().get("/api/deals?activeDealRegistrations=1", user.token()), 200);
        assertThat(tracked.node("/items").findValuesAsString("sharedDealId")).contains(id);
    }

    @Test
    void threeRegistrationsGoToThreeDifferentReps() {
        // Fresh reps start with no deals, so three in a row must spread over three reps.
        List<Rep> fresh = List.of(system.newRep("Dee Rep"), system.newRep("Eve Rep"), system.newRep("Fay Rep"));
        PartnerUser user = system.newPartner("Spread Partners", 5);
        String companyId = company(user);

        Set<String> assigned = new HashSet<>();
        for (int i = 1; i <= 3; i++) {
            String id = ok(system.partner().post("/api/shared-deals", user.token(),
                    registration("COMPANY", companyId, "Deal " + i)), 201).json("/id");
            assigned.add(awaitAssigned(user, id).json("/assignedRep/id"));
        }
        assertThat(assigned).hasSize(3);
        assertThat(fresh).extracting(Rep::id).containsAnyElementsOf(assigned);
    }

    @Test
    void aSecondDeliveryOfEveryEventChangesNothing() throws Exception {
        PartnerUser user = system.newPartner("Duplicate Partners", 5);
        String id = ok(system.partner().post("/api/shared-deals", user.token(),
                registration("CONTACT", contact(user), "Initech upgrade")), 201).json("/id");
        ApiResponse before = awaitAssigned(user, id);
        Rep rep = reps.get(0);
        ApiResponse crmBefore = ok(system.crm().get("/api/shared-deals/" + id, rep.token()), 200);

        try (TopicProbe probe = new TopicProbe(system.brokers())) {
            List<ConsumerRecord<String, byte[]>> partnerEvents = probe.recordsFor(Topics.PARTNER_SHARED_DEAL_EVENTS, id);
            List<ConsumerRecord<String, byte[]>> crmEvents = probe.recordsFor(Topics.CRM_SHARED_DEAL_EVENTS, id);
            assertThat(partnerEvents).hasSize(1);
            assertThat(crmEvents).hasSize(1);
            for (ConsumerRecord<String, byte[]> record : partnerEvents) {
                probe.resend(record);
            }
            for (ConsumerRecord<String, byte[]> record : crmEvents) {
                probe.resend(record);
            }
            await().atMost(WAIT).until(() -> consumedAll(probe, id));
            assertThat(probe.recordsFor(Topics.CRM_SHARED_DEAL_EVENTS, id)).as("no new CRM decision").hasSize(2);
        }

        assertThat(stable(system.partner().get("/api/shared-deals/" + id, user.token())))
                .isEqualTo(stable(before));
        assertThat(stable(system.crm().get("/api/shared-deals/" + id, rep.token())))
                .isEqualTo(stable(crmBefore));
        assertThat(ok(system.partner().get("/api/shared-deals/" + id + "/shared-activity", user.token()), 200)
                .size("/items")).isEqualTo(2);
    }

    @Test
    void aRegistrationMadeWhileTheCrmIsDownIsAssignedAfterItRestarts() {
        PartnerUser user = system.newPartner("Patient Partners", 5);
        String contactId = contact(user);
        system.stopCrm();
        String id;
        try {
            id = ok(system.partner().post("/api/shared-deals", user.token(),
                    registration("CONTACT", contactId, "Umbrella pilot")), 201).json("/id");
            await().atMost(WAIT).until(() -> "IN_SYNC".equals(
                    system.partner().get("/api/shared-deals/" + id, user.token()).json("/syncState")));
            assertThat(system.partner().get("/api/shared-deals/" + id, user.token()).node("/assignedRep").isNull())
                    .isTrue();
        } finally {
            system.startCrm();
        }
        assertThat(awaitAssigned(user, id).json("/assignedRep/id")).isNotBlank();
    }

    @Test
    void eventsACrashLeftInTheOutboxAreSentAfterARestart() {
        PartnerUser user = system.newPartner("Crashing Partners", 5);
        SharedDealId id = SharedDealId.random();
        system.stopPartner();
        try (MongoClient client = MongoClients.create(system.partnerMongoUri())) {
            // Written like the service writes (same store code) but with no relay: the state a crash leaves
            // between the save and the send.
            OfflineStore crashed = new OfflineStore(new MongoTemplate(client, "partner"), Origin.PARTNER);
            crashed.sharedDeals().register(new Registration(id, user.partnerId(), Origin.PARTNER, "Stark deal",
                    new BigDecimal("5000.00"), "USD", LocalDate.parse("2027-01-31"), Stage.APPOINTMENT_SCHEDULED,
                    "Intro", "Pain", "Next", null, List.of(),
                    new PersonRef(user.userId(), user.name(), user.email()), null, "CONTACT"),
                    new Actor(ActorType.PARTNER_USER, user.userId(), user.name()), null);
            crashed.close();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            system.startPartner();
        }
        assertThat(awaitAssigned(user, id.value()).json("/assignedRep/id")).isNotBlank();
    }

    @Test
    void refusesBadRegistrationsWithProblemsAndChangesNothing() {
        PartnerUser user = system.newPartner("Careful Partners", 1);
        String contactId = contact(user);
        Map<String, Object> blank = registration("CONTACT", contactId, "Blank pain");
        blank.put("painOrOpportunity", "  ");

        ApiResponse invalid = system.partner().post("/api/shared-deals", user.token(), blank);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.isProblem()).isTrue();
        assertThat(invalid.node("/errors").findValuesAsString("field")).contains("painOrOpportunity");

        ApiResponse unknownSource = system.partner().post("/api/shared-deals", user.token(),
                registration("CONTACT", "no-such-contact", "Ghost"));
        assertThat(unknownSource.status()).isEqualTo(422);

        String id = ok(system.partner().post("/api/shared-deals", user.token(),
                registration("CONTACT", contactId, "Only slot")), 201).json("/id");
        ApiResponse full = system.partner().post("/api/shared-deals", user.token(),
                registration("CONTACT", contactId, "One too many"));
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json("/detail")).contains("capacity");

        assertThat(ok(system.partner().get("/api/shared-deals", user.token()), 200).size("/items")).isEqualTo(1);

        PartnerUser stranger = system.newPartner("Other Partners", 5);
        assertThat(system.partner().get("/api/shared-deals/" + id, stranger.token()).status()).isEqualTo(404);
        assertThat(system.partner().get("/api/shared-deals/" + id, null).status()).isEqualTo(401);
    }

    @Test
    void bothServicesReportKafkaAndMongoUp() {
        for (var service : Map.of(system.partner(), DealbridgeSystem.PARTNER_ADMIN, system.crm(),
                DealbridgeSystem.CRM_ADMIN).entrySet()) {
            ApiResponse health = ok(service.getKey().get("/actuator/health", service.getValue()), 200);
            assertThat(health.json("/status")).isEqualTo("UP");
            assertThat(health.json("/components/kafka/status")).isEqualTo("UP");
            assertThat(health.json("/components/mongo/status")).isEqualTo("UP");
        }
    }

    private static ApiResponse awaitAssigned(PartnerUser user, String id) {
        ApiResponse[] seen = new ApiResponse[1];
        await().atMost(WAIT).until(() -> {
            seen[0] = system.partner().get("/api/shared-deals/" + id, user.token());
            return seen[0].status() == 200 && seen[0].json("/assignedRep/id") != null;
        });
        return seen[0];
    }

    /** The shared deal without what legitimately changes between two reads. */
    private static Map<String, String> stable(ApiResponse deal) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : List.of("id", "dealName", "amount", "stage", "status", "assignedRep", "partnerOwner",
                "productInterest", "updatedAt", "syncState")) {
            fields.put(field, deal.node("/" + field).toString());
        }
        return fields;
    }

    /** Both inboxes have consumed (and committed) everything, the duplicates included. */
    private static boolean consumedAll(TopicProbe probe, String id) throws Exception {
        return probe.lag("crm-service.sync", Topics.PARTNER_SHARED_DEAL_EVENTS) == 0
                && probe.lag("partner-service.sync", Topics.CRM_SHARED_DEAL_EVENTS) == 0;
    }

    private static String contact(PartnerUser user) {
        return ok(system.partner().post("/api/contacts", user.token(),
                Map.of("firstName", "Carla", "lastName", "Contact", "email", "carla@customer.test")), 201).json("/id");
    }

    private static String company(PartnerUser user) {
        return ok(system.partner().post("/api/companies", user.token(),
                Map.of("name", "Customer Inc", "domain", "customer.test")), 201).json("/id");
    }

    private static Map<String, Object> registration(String sourceType, String sourceId, String dealName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceType", sourceType);
        body.put("sourceId", sourceId);
        body.put("dealName", dealName);
        body.put("amount", "12000.00");
        body.put("closeDate", "2026-12-31");
        body.put("introNote", "Met at the trade fair");
        body.put("painOrOpportunity", "Manual invoicing costs them two days a month");
        body.put("nextSteps", "Demo next Tuesday");
        return body;
    }
}
