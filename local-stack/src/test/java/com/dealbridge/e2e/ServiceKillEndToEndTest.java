package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.e2e.DealbridgeSystem.Rep;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.local.ServiceJvm;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * partner-service in a JVM of its own, on the embedded store in that JVM, is killed with {@code kill -9} while
 * four clients add shared notes: after a restart on the same data, every note that got its 201 is there, and
 * each reaches the CRM exactly once; notes written after the restart get new sequence numbers (a reused one would
 * be refused by the CRM and never show).
 */
class ServiceKillEndToEndTest {

    private static final String ADMIN = "kill-partner-admin";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int WRITERS = 4;

    private static DealbridgeSystem system;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        system = DealbridgeSystem.startCrmOnly(Map.of());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void everyAcknowledgedNoteSurvivesKillNineAndReachesTheCrmExactlyOnce() throws Exception {
        ServiceJvm partner = partnerJvm(freePort());
        partner.start(WAIT);
        try {
            ApiClient api = new ApiClient(partner.baseUrl());
            String token = partnerUser(api);
            Rep rep = system.newRep("Kim Kill");
            String dealId = registerDeal(api, token);
            await().atMost(WAIT).until(() -> api.get("/api/shared-deals/" + dealId, token)
                    .json("/assignedRep/id") != null);
            assertThat(rep.id()).isNotNull();

            Set<String> acknowledged = writeUntilKilled(api, token, dealId, partner);

            partner.start(WAIT); // same data directory, same port
            Set<String> onPartner = noteIds(api, token, dealId);
            assertThat(onPartner).containsAll(acknowledged);

            // a note whose answer the kill cut off may be there too; whatever the partner holds, the CRM holds once
            String after = ok(api.post(notes(dealId), token, Map.of("body", "written after the restart")), 201)
                    .json("/id");
            onPartner.add(after);
            await().atMost(WAIT).untilAsserted(() -> assertThat(noteIds(system.crm(), rep.token(), dealId))
                    .isEqualTo(onPartner));
            assertThat(noteAddedEntriesOnCrm(dealId)).as("one SharedNoteAdded per note in the CRM's log")
                    .isEqualTo(onPartner.size());
            assertThat(parkedOnCrm()).isZero();
        } finally {
            partner.stop();
        }
    }

    /** Adds notes from four clients until about 40 are acknowledged, then kills the service under them. */
    private static Set<String> writeUntilKilled(ApiClient api, String token, String dealId, ServiceJvm partner)
            throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; !killed.get(); i++) {
                    try {
                        ApiResponse created = api.post(notes(dealId), token,
                                Map.of("body", "note " + i + " of writer " + writer));
                        if (created.status() == 201) {
                            acknowledged.add(created.json("/id"));
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        await().atMost(WAIT).until(() -> acknowledged.size() >= 40);
        partner.kill();
        killed.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        return new HashSet<>(acknowledged);
    }

    private static ServiceJvm partnerJvm(int port) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + system.brokers(),
                "--dealbridge.mongodb.embedded.enabled=true",
                "--dealbridge.mongodb.embedded.path=" + dir.resolve("partner-mongo"),
                "--dealbridge.security.admin-token=" + ADMIN,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + system.smtpPort(),
                "--dealbridge.sync.relay.sweep-interval=500ms",
                "--dealbridge.sync.relay.retry-delay=200ms",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        return new ServiceJvm("partner-service", "com.dealbridge.partner.PartnerServiceApplication", port,
                ServiceJvm.DEFAULT_OPTIONS, args, Path.of("target/kill-test/partner-service.log"));
    }

    private static String partnerUser(ApiClient api) {
        String partnerId = ok(api.post("/admin/partners", ADMIN, Map.of("name", "Kill Partners", "capacityLimit",
                5)), 201).json("/id");
        return ok(api.post("/admin/partners/" + partnerId + "/users", ADMIN, Map.of("name", "Kai Kill", "email",
                "kai@kill.test")), 201).json("/token");
    }

    private static String registerDeal(ApiClient api, String token) {
        String contact = ok(api.post("/api/contacts", token, Map.of("firstName", "Carla", "lastName", "Contact",
                "email", "carla@customer.test")), 201).json("/id");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceType", "CONTACT");
        body.put("sourceId", contact);
        body.put("dealName", "Survives a kill");
        body.put("amount", "12000.00");
        body.put("closeDate", "2027-03-31");
        body.put("introNote", "Met at the trade fair");
        body.put("painOrOpportunity", "Manual invoicing");
        body.put("nextSteps", "Demo next week");
        return ok(api.post("/api/shared-deals", token, body), 201).json("/id");
    }

    private static String notes(String dealId) {
        return "/api/shared-deals/" + dealId + "/shared-notes";
    }

    /** Every note id the side lists for the deal, page by page. */
    private static Set<String> noteIds(ApiClient api, String token, String dealId) {
        Set<String> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            ApiResponse list = ok(api.get(notes(dealId) + "?size=500&page=" + page, token), 200);
            list.node("/items").forEach(item -> ids.add(item.get("id").asString()));
            if (list.size("/items") < 500) {
                return ids;
            }
        }
    }

    /** How many SharedNoteAdded entries from the partner the CRM's change log holds for the deal. */
    private static long noteAddedEntriesOnCrm(String dealId) {
        try (MongoClient client = MongoClients.create(system.crmMongoUri())) {
            return client.getDatabase("crm").getCollection("change_log").countDocuments(Filters.and(
                    Filters.eq("aggregateId", dealId), Filters.eq("origin", "PARTNER"),
                    Filters.eq("type", "SharedNoteAdded")));
        }
    }

    private static long parkedOnCrm() {
        try (MongoClient client = MongoClients.create(system.crmMongoUri())) {
            return client.getDatabase("crm").getCollection("change_log").countDocuments(Filters.eq("parked", true));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
