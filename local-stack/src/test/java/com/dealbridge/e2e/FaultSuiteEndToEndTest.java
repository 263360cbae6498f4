package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.local.ServiceJvm;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Jepsen-style fault suite: the broker and both services each run in a process of their own, the services on
 * their embedded stores, while clients on both sides add shared notes to the same deals. Each of the three
 * processes is killed with {@code kill -9} twice, at moments chosen by the load, and restarted on its data. Then a
 * checker compares what was acknowledged with what both sides hold: every acknowledged note exactly once on both
 * sides with the same text, both sides' high-water marks agreeing with the other's sequence, nothing parked, nothing
 * dead-lettered. It prints acknowledged / lost / duplicated / diverged.
 */
class FaultSuiteEndToEndTest {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String PARTNER_ADMIN = "fault-partner-admin";
    private static final String CRM_ADMIN = "fault-crm-admin";
    private static final int DEALS = 3;
    private static final int WRITERS_PER_SIDE = 2;
    private static final int ROUNDS = 2;
    private static final int NOTES_BETWEEN_KILLS = 25;
    /**
     * C1 only, as in the test JVM (surefire.jvm): the suite starts the services six times and the broker three
     * times on a 2-core machine, where C2's compiler threads compete with each start and its code would come too
     * late to pay off. The services keep their own options ({@link ServiceJvm#DEFAULT_OPTIONS}).
     */
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    @TempDir
    Path dir;

    /** A note a side answered 201 for. */
    private record Acknowledged(String side, String dealId, String noteId, String body) {
    }

    @Test
    void everyAcknowledgedNoteIsOnBothSidesExactlyOnceAfterEachProcessIsKilledTwice() throws Exception {
        List<Integer> ports = freePorts(7);
        int kafkaPort = ports.get(0);
        GreenMail smtp = new GreenMail(new ServerSetup(ports.get(6), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        ServiceJvm broker = new ServiceJvm("kafka", BrokerMain.class.getName(), kafkaPort,
                List.of("-Xmx384m", C1_ONLY),
                List.of("--log-dir=" + dir.resolve("kafka"), "--kafka-port=" + kafkaPort,
                        "--controller-port=" + ports.get(1)), log("kafka"));
        String kafka = "127.0.0.1:" + kafkaPort;
        ServiceJvm partner = service("partner-service", "com.dealbridge.partner.PartnerServiceApplication",
                ports.get(2), ports.get(4), PARTNER_ADMIN, kafka, List.of("--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + ports.get(6)));
        ServiceJvm crm = service("crm-service", "com.dealbridge.crm.CrmServiceApplication", ports.get(3),
                ports.get(5), CRM_ADMIN, kafka, List.of("--dealbridge.crm.assignment.sweep-interval=1s"));
        Map<String, ServiceJvm> processes = new LinkedHashMap<>();
        processes.put("partner-service", partner);
        processes.put("crm-service", crm);
        processes.put("kafka", broker);
        try {
            startBroker(broker, kafkaPort);
            startSideBySide(partner, crm);
            ApiClient partnerApi = new ApiClient(partner.baseUrl());
            ApiClient crmApi = new ApiClient(crm.baseUrl());
            String userToken = partnerUser(partnerApi);
            String repToken = ok(crmApi.post("/admin/sales-reps", CRM_ADMIN, Map.of("name", "Fay Fault", "email",
                    "fay@vendor.test")), 201).json("/token");
            List<String> deals = new ArrayList<>();
            for (int i = 0; i < DEALS; i++) {
                deals.add(registerDeal(partnerApi, userToken, "Fault deal " + i));
            }
            for (String deal : deals) {
                await().atMost(WAIT).until(() -> crmApi.get("/api/shared-deals/" + deal, repToken).status() == 200
                        && partnerApi.get("/api/shared-deals/" + deal, userToken).json("/assignedRep/id") != null);
            }

            ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(2 * WRITERS_PER_SIDE);
            for (int w = 0; w < WRITERS_PER_SIDE; w++) {
                writers.submit(writer("PARTNER", w, partnerApi, userToken, deals, acknowledged, stop));
                writers.submit(writer("CRM", w, crmApi, repToken, deals, acknowledged, stop));
            }
            int kills = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, ServiceJvm> process : processes.entrySet()) {
                    int before = acknowledged.size();
                    await().atMost(WAIT).until(() -> acknowledged.size() >= before + NOTES_BETWEEN_KILLS);
                    process.getValue().kill();
                    kills++;
                    if (process.getKey().equals("kafka")) {
                        startBroker(broker, kafkaPort);
                    } else {
                        process.getValue().start(WAIT);
                    }
                }
            }
            int before = acknowledged.size();
            await().atMost(WAIT).until(() -> acknowledged.size() >= before + NOTES_BETWEEN_KILLS);
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

            Checker checker = new Checker(List.copyOf(acknowledged), deals, partnerApi, userToken, crmApi, repToken,
                    "mongodb://127.0.0.1:" + ports.get(4), "mongodb://127.0.0.1:" + ports.get(5));
            try {
                await().atMost(WAIT).until(checker::converged);
            } catch (org.awaitility.core.ConditionTimeoutException notConverged) {
                // the figures below say what is wrong
            }
            Checker.Figures figures = checker.figures();
            System.out.printf("fault suite: %d kills, acknowledged %d, lost %d, duplicated %d, diverged %d, "
                            + "marks disagreeing %d, parked %d, dead-lettered %d%n", kills, figures.acknowledged(),
                    figures.lost(), figures.duplicated(), figures.diverged(), figures.marksDisagreeing(),
                    figures.parked(), figures.deadLettered());
            assertThat(figures.acknowledged()).isGreaterThanOrEqualTo((ROUNDS * 3 + 1) * NOTES_BETWEEN_KILLS);
            assertThat(figures.lost()).as("lost").isZero();
            assertThat(figures.duplicated()).as("duplicated").isZero();
            assertThat(figures.diverged()).as("diverged").isZero();
            assertThat(figures.marksDisagreeing()).as("high-water marks disagreeing").isZero();
            assertThat(figures.parked()).as("parked").isZero();
            assertThat(figures.deadLettered()).as("dead-lettered").isZero();
        } finally {
            partner.stop();
            crm.stop();
            broker.kill();
            smtp.stop();
        }
    }

    /** Adds notes until stopped; a refused or failed request (its process is down) is simply not acknowledged. */
    private static Runnable writer(String side, int writer, ApiClient api, String token, List<String> deals,
                                   ConcurrentLinkedQueue<Acknowledged> acknowledged, AtomicBoolean stop) {
        return () -> {
            for (int i = 0; !stop.get(); i++) {
                String deal = deals.get((writer + i) % deals.size());
                String body = side + " writer " + writer + " note " + i;
                try {
                    ApiResponse created = api.post(CollaborationSteps.notes(deal), token, Map.of("body", body));
                    if (created.status() == 201) {
                        acknowledged.add(new Acknowledged(side, deal, created.json("/id"), body));
                        continue;
                    }
                } catch (RuntimeException down) {
                    // the process is being killed or restarted: the write was not acknowledged
                }
                pause();
            }
        };
    }

    /** A client's back-off while its service is down (load pacing, not a wait for a condition). */
    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Compares what was acknowledged with what both sides hold, through their APIs and their stores. */
    private static final class Checker {

        record Figures(int acknowledged, int lost, int duplicated, int diverged, int marksDisagreeing, long parked,
                       long deadLettered) {
        }

        private final List<Acknowledged> acknowledged;
        private final List<String> deals;
        private final ApiClient partner;
        private final String userToken;
        private final ApiClient crm;
        private final String repToken;
        private final String partnerStore;
        private final String crmStore;

        Checker(List<Acknowledged> acknowledged, List<String> deals, ApiClient partner, String userToken,
                ApiClient crm, String repToken, String partnerStore, String crmStore) {
            this.acknowledged = acknowledged;
            this.deals = deals;
            this.partner = partner;
            this.userToken = userToken;
            this.crm = crm;
            this.repToken = repToken;
            this.partnerStore = partnerStore;
            this.crmStore = crmStore;
        }

        boolean converged() {
            Figures figures = figures();
            return figures.lost() == 0 && figures.diverged() == 0 && figures.marksDisagreeing() == 0;
        }

        Figures figures() {
            Map<String, String> onPartner = new HashMap<>();
            Map<String, String> onCrm = new HashMap<>();
            int duplicated = 0;
            for (String deal : deals) {
                Map<String, String> p = notes(partner, userToken, deal);
                Map<String, String> c = notes(crm, repToken, deal);
                duplicated += duplicateBodies(p) + duplicateBodies(c);
                onPartner.putAll(p);
                onCrm.putAll(c);
            }
            int lost = 0;
            for (Acknowledged ack : acknowledged) {
                if (!ack.body().equals(onPartner.get(ack.noteId())) || !ack.body().equals(onCrm.get(ack.noteId()))) {
                    lost++;
                }
            }
            Set<String> differing = new HashSet<>();
            onPartner.forEach((id, body) -> {
                if (!body.equals(onCrm.get(id))) {
                    differing.add(id);
                }
            });
            onCrm.forEach((id, body) -> {
                if (!body.equals(onPartner.get(id))) {
                    differing.add(id);
                }
            });
            try (MongoClient p = MongoClients.create(partnerStore); MongoClient c = MongoClients.create(crmStore)) {
                MongoDatabase partnerDb = p.getDatabase("partner");
                MongoDatabase crmDb = c.getDatabase("crm");
                for (String deal : deals) {
                    duplicated += extraLogEntries(partnerDb, deal, notes(partner, userToken, deal).size());
                    duplicated += extraLogEntries(crmDb, deal, notes(crm, repToken, deal).size());
                }
                int marks = 0;
                for (String deal : deals) {
                    Document partnerFacts = facts(partnerDb, deal);
                    Document crmFacts = facts(crmDb, deal);
                    if (mark(partnerFacts, "CRM") != sequence(crmFacts)
                            || mark(crmFacts, "PARTNER") != sequence(partnerFacts)) {
                        marks++;
                    }
                }
                long parked = parked(partnerDb) + parked(crmDb);
                long dead = partnerDb.getCollection("dead_letters").countDocuments()
                        + crmDb.getCollection("dead_letters").countDocuments();
                return new Figures(acknowledged.size(), lost, duplicated, differing.size(), marks, parked, dead);
            }
        }

        private static Map<String, String> notes(ApiClient api, String token, String deal) {
            Map<String, String> notes = new HashMap<>();
            for (int page = 0; ; page++) {
                ApiResponse list = api.get(CollaborationSteps.notes(deal) + "?size=500&page=" + page, token);
                if (list.status() != 200) {
                    return notes;
                }
                list.node("/items").forEach(item -> notes.put(item.get("id").asString(),
                        item.get("body").asString()));
                if (list.size("/items") < 500) {
                    return notes;
                }
            }
        }

        private static int duplicateBodies(Map<String, String> notes) {
            return notes.size() - new HashSet<>(notes.values()).size();
        }

        /** Log entries adding a note beyond one per note the side lists (a note added twice). */
        private static int extraLogEntries(MongoDatabase db, String deal, int notes) {
            long added = db.getCollection("change_log").countDocuments(Filters.and(Filters.eq("aggregateId", deal),
                    Filters.eq("type", "SharedNoteAdded")));
            return (int) Math.max(0, added - notes);
        }

        private static Document facts(MongoDatabase db, String deal) {
            Document stored = db.getCollection("shared_deals").find(Filters.eq("_id", deal)).first();
            return stored == null ? new Document() : stored.get("facts", Document.class);
        }

        private static long mark(Document facts, String origin) {
            Document marks = facts.get("marks", Document.class);
            Object mark = marks == null ? null : marks.get(origin);
            return mark instanceof Number number ? number.longValue() : -1;
        }

        private static long sequence(Document facts) {
            Object sequence = facts.get("localSequence");
            return sequence instanceof Number number ? number.longValue() : -2;
        }

        private static long parked(MongoDatabase db) {
            return db.getCollection("change_log").countDocuments(Filters.eq("parked", true));
        }
    }

    private ServiceJvm service(String name, String mainClass, int port, int storePort, String adminToken,
                               String kafka, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--dealbridge.mongodb.embedded.enabled=true",
                "--dealbridge.mongodb.embedded.path=" + dir.resolve(name + "-mongo"),
                "--dealbridge.mongodb.embedded.port=" + storePort,
                "--dealbridge.security.admin-token=" + adminToken,
                "--dealbridge.sync.relay.sweep-interval=500ms",
                "--dealbridge.sync.relay.retry-delay=200ms",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        args.addAll(extra);
        List<String> options = new ArrayList<>(ServiceJvm.DEFAULT_OPTIONS);
        options.add(C1_ONLY);
        return new ServiceJvm(name, mainClass, port, options, args, log(name));
    }

    private static Path log(String name) {
        return Path.of("target/fault-suite/" + name + ".log");
    }

    /**
     * The first start of both services, at the same time: what the suite tests are the restarts later, one process
     * at a time; the two first starts need not wait for each other.
     */
    private static void startSideBySide(ServiceJvm... services) throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(services.length);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (ServiceJvm service : services) {
                started.add(starting.submit(() -> {
                    service.start(WAIT);
                    return null;
                }));
            }
            for (Future<?> start : started) {
                start.get();
            }
        } finally {
            starting.shutdownNow();
        }
    }

    private static void startBroker(ServiceJvm broker, int port) throws IOException {
        broker.start(WAIT, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    private static String partnerUser(ApiClient api) {
        String partnerId = ok(api.post("/admin/partners", PARTNER_ADMIN, Map.of("name", "Fault Partners",
                "capacityLimit", 10)), 201).json("/id");
        return ok(api.post("/admin/partners/" + partnerId + "/users", PARTNER_ADMIN, Map.of("name", "Flo Fault",
                "email", "flo@fault.test")), 201).json("/token");
    }

    private static String registerDeal(ApiClient api, String token, String name) {
        String contact = ok(api.post("/api/contacts", token, Map.of("firstName", "Carla", "lastName", "Contact",
                "email", "carla@customer.test")), 201).json("/id");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceType", "CONTACT");
        body.put("sourceId", contact);
        body.put("dealName", name);
        body.put("amount", "12000.00");
        body.put("closeDate", "2027-03-31");
        body.put("introNote", "Met at the trade fair");
        body.put("painOrOpportunity", "Manual invoicing");
        body.put("nextSteps", "Demo next week");
        return ok(api.post("/api/shared-deals", token, body), 201).json("/id");
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
