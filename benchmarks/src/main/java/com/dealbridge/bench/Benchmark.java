package com.dealbridge.bench;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.contracts.tools.RegistryRunner;
import com.dealbridge.contracts.tools.SchemaRegistration;
import com.dealbridge.local.EmbeddedMongo;
import com.dealbridge.local.KafkaBroker;
import com.dealbridge.local.LocalStack;
import com.dealbridge.local.MailCatcher;
import com.dealbridge.local.ServiceJvm;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.RawBsonDocument;
import tools.jackson.databind.JsonNode;

/**
 * The sync benchmark (issue "sync core v2"): starts Kafka, both embedded stores and SMTP on free ports, each service
 * in its own JVM at {@code -Xmx256m}, measures the raw Kafka floor on the same broker, then each figure of the sync
 * core, and prints them and writes them as JSON. Numbers on a noisy machine: compare ratios within one run.
 */
public final class Benchmark {

    private static final String NOTE = "Customer asked for SSO and audit logs before the pilot; legal review of the "
            + "DPA is scheduled, pricing for 250 seats was sent. Next: security questionnaire and a call with IT. ";

    // a service started in 20 s alone, but took over 2 min while the machine ran other builds (load 27)
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration LOW_RATE_WARM_UP = Duration.ofSeconds(15);

    private final Options options;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private Http partnerApi;
    private Http crmApi;
    private String partnerToken;
    private String repToken;
    private final List<String> deals = new ArrayList<>();
    private ServiceJvm partner;
    private ServiceJvm crm;

    record Options(int seconds, int warmUp, int deals, int writers, int backlog, int sizedDeal, int bigDeal,
                   int floorRecords, Set<String> only) {

        static final List<String> SCENARIOS = List.of("low-rate", "one-side", "both-ways", "same-deal", "deal-size",
                "big-deal", "catch-up");

        boolean runs(String scenario) {
            return only.isEmpty() || only.contains(scenario);
        }

        static Options parse(String[] args) {
            boolean quick = List.of(args).contains("--quick");
            Map<String, Integer> values = new LinkedHashMap<>();
            values.put("seconds", quick ? 15 : 60);
            values.put("warm-up", quick ? 10 : 30);
            values.put("deals", 200);
            values.put("writers", 16);
            values.put("backlog", quick ? 2_000 : 10_000);
            values.put("sized-deal", quick ? 1_000 : 5_000);
            values.put("big-deal", quick ? 5_000 : 100_000);
            values.put("floor-records", quick ? 50_000 : 200_000);
            Set<String> only = new LinkedHashSet<>();
            for (String arg : args) {
                if (arg.equals("--quick")) {
                    continue;
                }
                if (arg.startsWith("--only=")) {
                    for (String scenario : arg.substring("--only=".length()).split(",")) {
                        if (!SCENARIOS.contains(scenario)) {
                            throw new IllegalArgumentException("unknown scenario " + scenario + "; " + SCENARIOS);
                        }
                        only.add(scenario);
                    }
                    continue;
                }
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                if (pair.length != 2 || !values.containsKey(pair[0])) {
                    throw new IllegalArgumentException("unknown option " + arg + "; options: --quick --only=" + String.join(",", SCENARIOS) + " "
                            + values.keySet().stream().map(k -> "--" + k + "=N").toList());
                }
                values.put(pair[0], Integer.parseInt(pair[1]));
            }
            return new Options(values.get("seconds"), values.get("warm-up"), values.get("deals"), values.get("writers"),
                    values.get("backlog"), values.get("sized-deal"), values.get("big-deal"),
                    values.get("floor-records"), Set.copyOf(only));
        }
    }

    private Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new Benchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("dealbridge-bench");
        Path logs = Files.createDirectories(Path.of("benchmarks/target/bench-logs"));
        int[] ports = freePorts(8);
        say("starting Kafka, the schema registry, two embedded stores and SMTP in " + work);
        try (RegistryRunner registry = RegistryRunner.start(Path.of(LocalStack.REGISTRY_JAR), ports[7],
                     logs.resolve("schema-registry.log"), START_TIMEOUT);
             KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"), ports[0], ports[1]);
             EmbeddedMongo partnerStore = EmbeddedMongo.start(work.resolve("partner-mongo"), ports[2]);
             EmbeddedMongo crmStore = EmbeddedMongo.start(work.resolve("crm-mongo"), ports[3]);
             MailCatcher mail = MailCatcher.start(work.resolve("mail"), ports[4])) {
            // the schemas as a deployment registers them; the service JVMs get the URL (ServiceJvm passes it on)
            new SchemaRegistration(registry.ccompatApi()).registerAll();
            System.setProperty(AvroCodec.REGISTRY_URL_PROPERTY, registry.baseUrl().toString());
            partner = Services.partner(ports[5], kafka.bootstrapServers(),
                    partnerStore.uri("partner"), mail.port(), logs);
            crm = Services.crm(ports[6], kafka.bootstrapServers(), crmStore.uri("crm"), mail.port(), logs);
            say("starting partner-service and crm-service, each in its own JVM (-Xmx256m)");
            partner.start(START_TIMEOUT);
            crm.start(START_TIMEOUT);
            partnerApi = new Http(partner.baseUrl());
            crmApi = new Http(crm.baseUrl());
            results.put("options", options);
            results.put("rssAtStartMiB", Map.of("partner", partner.rssMiB()[0], "crm", crm.rssMiB()[0]));
            try {
                say("raw Kafka floor");
                results.put("kafkaFloor", new KafkaFloor(kafka.bootstrapServers()).measure(options.floorRecords(),
                        200));
                seed(mail);
                if (options.runs("low-rate")) {
                    lowRate(logs);
                    saveMetrics(logs, "low-rate");
                }
                if (options.runs("one-side")) {
                    oneSide();
                    saveMetrics(logs, "one-side");
                }
                if (options.runs("both-ways")) {
                    bothWays();
                    saveMetrics(logs, "both-ways");
                }
                if (options.runs("same-deal")) {
                    sameDeal();
                    saveMetrics(logs, "same-deal");
                }
                if (options.runs("deal-size")) {
                    dealSize();
                    saveMetrics(logs, "deal-size");
                }
                if (options.runs("big-deal")) {
                    bigDeal(partnerStore);
                    saveMetrics(logs, "big-deal");
                }
                if (options.runs("catch-up")) {
                    catchUp(crm);
                    saveMetrics(logs, "catch-up");
                }
                results.put("rssAfterLoadMiB", Map.of("partner", rss(partner), "crm", rss(crm)));
            } catch (Exception | Error e) {
                // the scenarios done so far are still worth their minutes: reported, then the failure
                results.put("failed", String.valueOf(e));
                report();
                throw e;
            } finally {
                partner.stop();
                crm.stop();
            }
        }
        report();
    }

    // ---- scenarios -------------------------------------------------------------------------------------------

    private void seed(MailCatcher mail) throws Exception {
        say("seeding: a partner, a rep, " + options.deals() + " shared deals");
        String partnerId = partnerApi.post("/admin/partners", Services.ADMIN_TOKEN,
                Map.of("name", "Bench Partners", "capacityLimit", 100_000)).ok().get("id").asString();
        partnerToken = partnerApi.post("/admin/partners/" + partnerId + "/users", Services.ADMIN_TOKEN,
                Map.of("name", "Bea Bench", "email", "bea@bench.example")).ok().get("token").asString();
        repToken = crmApi.post("/admin/sales-reps", Services.ADMIN_TOKEN,
                Map.of("name", "Rae Rep", "email", "rae@vendor.example")).ok().get("token").asString();
        String contactId = partnerApi.post("/api/contacts", partnerToken, Map.of("firstName", "Cy", "lastName",
                "Customer", "email", "cy@customer.example")).ok().get("id").asString();
        List<String> registered = parallel(8, options.deals(), i -> partnerApi.post("/api/shared-deals",
                partnerToken, registration(contactId, "Bench deal " + i)).ok().get("id").asString());
        deals.addAll(registered);
        awaitUntil(Duration.ofMinutes(3), "the CRM to hold every deal", () ->
                crmApi.get("/api/shared-deals?size=1", repToken).ok().get("total").asLong() >= options.deals());
        awaitQuiet(mail);
    }

    /**
     * Each assignment of a seeded deal mails the partner: the scenarios start once that burst is delivered, so
     * they measure the sync core, not the mail of the seeding.
     */
    private static void awaitQuiet(MailCatcher mail) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        int last = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = mail.receivedCount();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > Duration.ofSeconds(3).toNanos()) {
                return;
            }
            Thread.sleep(250);
        }
    }

    /** Both services' Prometheus metrics after a scenario, for a closer look (Mongo command timings, HTTP, ...). */
    private void saveMetrics(Path logs, String scenario) throws IOException {
        Files.writeString(logs.resolve(scenario + "-partner-service.prom"),
                partnerApi.text("/actuator/prometheus", Services.ADMIN_TOKEN));
        Files.writeString(logs.resolve(scenario + "-crm-service.prom"),
                crmApi.text("/actuator/prometheus", Services.ADMIN_TOKEN));
    }

    private static Map<String, Object> registration(String contactId, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceType", "CONTACT");
        body.put("sourceId", contactId);
        body.put("dealName", name);
        body.put("amount", "12000.00");
        body.put("closeDate", "2027-06-30");
        body.put("introNote", "Met at the partner summit");
        body.put("painOrOpportunity", "Manual reporting takes two days a month");
        body.put("nextSteps", "Demo with the finance team");
        return body;
    }

    /** One note at a time: the write's latency, and until the other side shows it. */
    private void lowRate(Path logs) throws Exception {
        int notes = 200;
        // A service answers a user warm: freshly started, its JIT has compiled little of the write path and the
        // first notes took several times as long (17 ms p50 at 91c6853, right after the seeding).
        say("low rate: warming up, 4 writers for " + LOW_RATE_WARM_UP.toSeconds() + " s (not measured)");
        long appliedBefore = applied(crmApi);
        Load warmUp = writeFor(partnerApi, partnerToken, 4, LOW_RATE_WARM_UP, deals);
        awaitApplied(crmApi, appliedBefore + warmUp.accepted(), Duration.ofMinutes(5));
        // the measured notes are the difference between this and the scenario's metrics
        saveMetrics(logs, "low-rate-warmed-up");
        say("low rate: " + notes + " notes one at a time, each awaited on the CRM");
        Stats write = new Stats();
        Stats visible = new Stats();
        for (int i = 0; i < notes; i++) {
            String deal = deals.get(i % deals.size());
            // visible = when the CRM's stream of the deal told of the change after which the CRM answers the note:
            // the CRM tells its streams once the change is saved, so the note was visible by then. Nothing else
            // changes the deal meanwhile, so the first change heard is the note's; the lookup confirms it. Looking
            // it up in a loop instead measured mostly the lookups (12 ms each on the CRM), half a one late on average.
            try (DealEvents changes = crmApi.events(deal, repToken)) {
                long start = System.nanoTime();
                String noteId = partnerApi.post(notes(deal), partnerToken, Map.of("body", NOTE)).ok().get("id")
                        .asString();
                long written = System.nanoTime();
                write.record(written - start);
                long visibleAt = -1;
                while (visibleAt < 0) {
                    long heard = changes.awaitChange(Duration.ofSeconds(1));
                    if (crmApi.get(notes(deal) + "/" + noteId, repToken).status() == 200) {
                        visibleAt = heard < 0 ? System.nanoTime() : heard; // none heard in a second: when answered
                    }
                }
                visible.record(Math.max(0, visibleAt - written));
            }
            Thread.sleep(20);
        }
        results.put("lowRate", Map.of("warmUpWrites", warmUp.accepted(), "httpWrite", write.summary(),
                "writtenToVisibleOnCrm", visible.summary()));
    }

    /** 16 writers over 200 deals on the partner side: accepted writes, and every one applied on the CRM. */
    private void oneSide() throws Exception {
        if (options.warmUp() > 0) {
            // the JITs (C2 in this JVM: broker, stores) are still compiling the paths this load takes for about
            // half a minute; a throughput figure is the steady state's, as a long-running service sees it
            say("one side: warming up, " + options.writers() + " writers for " + options.warmUp()
                    + " s (not measured)");
            long before = applied(crmApi);
            Load warmUp = writeFor(partnerApi, partnerToken, options.writers(), Duration.ofSeconds(options.warmUp()),
                    deals);
            awaitApplied(crmApi, before + warmUp.accepted(), Duration.ofMinutes(5));
        }
        say("one side: " + options.writers() + " writers over " + deals.size() + " deals for " + options.seconds()
                + " s");
        long appliedBefore = applied(crmApi);
        CpuUse cpu = CpuUse.start(partner, crm);
        Load load = writeFor(partnerApi, partnerToken, options.writers(), Duration.ofSeconds(options.seconds()),
                deals);
        long expected = appliedBefore + load.accepted();
        long drained = awaitApplied(crmApi, expected, Duration.ofMinutes(5));
        double drainAfterLastWrite = (drained - load.lastWriteNanos()) / 1e9;
        double appliedSeconds = (drained - load.startNanos()) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>(load.summary());
        figures.put("appliedOnCrmPerSecond", Math.round(load.accepted() / appliedSeconds));
        figures.put("lastAppliedSecondsAfterLastWrite", Stats.round(drainAfterLastWrite));
        figures.put("cpuMsPerWrite", cpu.perOperation(load.accepted()));
        results.put("oneSide", figures);
    }

    /** Both sides writing at once, each its own half of the writers. */
    private void bothWays() throws Exception {
        int half = Math.max(1, options.writers() / 2);
        if (options.warmUp() > 0) {
            int seconds = Math.max(5, options.warmUp() / 3);
            say("both ways: warming up, " + half + " writers on each side for " + seconds + " s (not measured)");
            bothWays(half, Duration.ofSeconds(seconds));
        }
        Duration duration = Duration.ofSeconds(Math.max(10, options.seconds() / 2));
        say("both ways: " + half + " writers on each side for " + duration.toSeconds() + " s");
        Load[] loads = bothWays(half, duration);
        results.put("bothWays", Map.of("partnerWrites", loads[0].summary(), "crmWrites", loads[1].summary()));
    }

    /** The partner's load and the CRM's, each once the other side applied all of it. */
    private Load[] bothWays(int writersEach, Duration duration) throws Exception {
        long crmAppliedBefore = applied(crmApi);
        long partnerAppliedBefore = applied(partnerApi);
        ExecutorService both = Executors.newFixedThreadPool(2);
        Future<Load> fromPartner = both.submit(() -> writeFor(partnerApi, partnerToken, writersEach, duration, deals));
        Future<Load> fromCrm = both.submit(() -> writeFor(crmApi, repToken, writersEach, duration, deals));
        Load partnerLoad = fromPartner.get();
        Load crmLoad = fromCrm.get();
        both.shutdown();
        awaitApplied(crmApi, crmAppliedBefore + partnerLoad.accepted(), Duration.ofMinutes(5));
        awaitApplied(partnerApi, partnerAppliedBefore + crmLoad.accepted(), Duration.ofMinutes(5));
        return new Load[] {partnerLoad, crmLoad};
    }

    /** 8 writers adding notes to the same deal. */
    private void sameDeal() throws Exception {
        Duration duration = Duration.ofSeconds(Math.max(10, options.seconds() / 3));
        say("same deal: 8 writers on one deal for " + duration.toSeconds() + " s");
        String deal = deals.get(0);
        Load load = writeFor(partnerApi, partnerToken, 8, duration, List.of(deal));
        results.put("sameDeal", load.summary());
    }

    /** A note's write latency on an empty deal and on one holding thousands of notes. */
    private void dealSize() throws Exception {
        String empty = deals.get(1);
        String full = deals.get(2);
        say("deal size: filling a deal with " + options.sizedDeal() + " notes");
        fill(full, options.sizedDeal());
        Stats onEmpty = sequentialWrites(empty, 300);
        Stats onFull = sequentialWrites(full, 300);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("notesInFullDeal", options.sizedDeal());
        figures.put("writeOnEmptyDeal", onEmpty.summary());
        figures.put("writeOnFullDeal", onFull.summary());
        figures.put("p50Ratio", Stats.round(onFull.percentileMillis(50) / onEmpty.percentileMillis(50)));
        results.put("dealSize", figures);
    }

    /** A deal with very many notes: writes, a page of notes and of the Shared tab still answer. */
    private void bigDeal(EmbeddedMongo partnerStore) throws Exception {
        String deal = deals.get(3);
        say("big deal: filling a deal with " + options.bigDeal() + " notes");
        long start = System.nanoTime();
        fill(deal, options.bigDeal());
        double fillSeconds = (System.nanoTime() - start) / 1e9;
        Stats writes = sequentialWrites(deal, 100);
        Stats firstPage = timed(() -> partnerApi.get(notes(deal) + "?page=0&size=50", partnerToken).ok());
        long total = partnerApi.get(notes(deal) + "?size=1", partnerToken).ok().get("total").asLong();
        Stats lastPage = timed(() -> partnerApi.get(notes(deal) + "?size=50&page=" + (total / 50), partnerToken)
                .ok());
        Stats tab = timed(() -> partnerApi.get("/api/shared-deals/" + deal + "/shared-activity?size=50",
                partnerToken).ok());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("notes", total);
        figures.put("fillNotesPerSecond", Math.round(options.bigDeal() / fillSeconds));
        figures.put("write", writes.summary());
        figures.put("firstNotesPage", firstPage.summary());
        figures.put("lastNotesPage", lastPage.summary());
        figures.put("sharedTabPage", tab.summary());
        figures.put("documentBytes", documentSizes(partnerStore, deal));
        results.put("bigDeal", figures);
    }

    private Map<String, Object> documentSizes(EmbeddedMongo store, String deal) {
        try (MongoClient client = MongoClients.create(store.uri("partner"))) {
            var db = client.getDatabase("partner");
            Map<String, Object> sizes = new LinkedHashMap<>();
            sizes.put("dealDocument", size(db.getCollection("shared_deals", RawBsonDocument.class),
                    Filters.eq("_id", deal)));
            sizes.put("noteDocument", size(db.getCollection("shared_notes", RawBsonDocument.class),
                    Filters.eq("sharedDealId", deal)));
            sizes.put("logEntry", size(db.getCollection("change_log", RawBsonDocument.class),
                    Filters.eq("aggregateId", deal)));
            return sizes;
        }
    }

    private static long size(MongoCollection<RawBsonDocument> collection, org.bson.conversions.Bson filter) {
        RawBsonDocument document = collection.find(filter).first();
        return document == null ? 0 : document.getByteBuffer().remaining();
    }

    /** The CRM stopped while the partner writes a backlog; then started: how fast it catches up. */
    private void catchUp(ServiceJvm crm) throws Exception {
        say("catch-up: crm-service stopped, " + options.backlog() + " notes written meanwhile, then started");
        crm.stop();
        AtomicInteger next = new AtomicInteger();
        parallel(options.writers(), options.backlog(), i -> partnerApi.post(notes(deals.get(
                next.getAndIncrement() % deals.size())), partnerToken, Map.of("body", NOTE)).ok());
        long start = System.nanoTime();
        crm.start(START_TIMEOUT);
        long up = System.nanoTime();
        CpuUse cpu = CpuUse.start(partner, crm);
        long done = awaitApplied(crmApi, options.backlog(), Duration.ofMinutes(10));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("backlog", options.backlog());
        figures.put("startSeconds", Stats.round((up - start) / 1e9));
        figures.put("appliedPerSecondOnceUp", Math.round(options.backlog() / ((done - up) / 1e9)));
        figures.put("appliedPerSecondIncludingStart", Math.round(options.backlog() / ((done - start) / 1e9)));
        figures.put("cpuMsPerEventOnceUp", cpu.perOperation(options.backlog()));
        results.put("catchUp", figures);
    }

    // ---- load helpers ----------------------------------------------------------------------------------------

    record Load(long accepted, long failed, double seconds, Stats latency, long startNanos, long lastWriteNanos) {

        Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("accepted", accepted);
            summary.put("failed", failed);
            summary.put("writesPerSecond", Math.round(accepted / seconds));
            summary.put("httpWrite", latency.summary());
            return summary;
        }
    }

    private Load writeFor(Http api, String token, int writers, Duration duration, List<String> onDeals)
            throws Exception {
        Stats latency = new Stats();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong last = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        for (int w = 0; w < writers; w++) {
            int writer = w;
            pool.execute(() -> {
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    String deal = onDeals.get((writer + i * writers) % onDeals.size());
                    long sent = System.nanoTime();
                    try {
                        if (api.post(notes(deal), token, Map.of("body", NOTE)).status() == 201) {
                            accepted.incrementAndGet();
                            long now = System.nanoTime();
                            latency.record(now - sent);
                            last.accumulateAndGet(now, Math::max);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 120, java.util.concurrent.TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Load(accepted.get(), failed.get(), seconds, latency, start, last.get());
    }

    private void fill(String deal, int notes) throws Exception {
        parallel(8, notes, i -> partnerApi.post(notes(deal), partnerToken, Map.of("body", NOTE + i)).ok());
    }

    private Stats sequentialWrites(String deal, int count) {
        Stats latency = new Stats();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            partnerApi.post(notes(deal), partnerToken, Map.of("body", NOTE)).ok();
            latency.record(System.nanoTime() - start);
        }
        return latency;
    }

    private static Stats timed(Runnable call) {
        Stats stats = new Stats();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            call.run();
            stats.record(System.nanoTime() - start);
        }
        return stats;
    }

    @FunctionalInterface
    interface Indexed<T> {
        T call(int index) throws Exception;
    }

    private static <T> List<T> parallel(int threads, int count, Indexed<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> work.call(index)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        pool.shutdown();
        return results;
    }

    /**
     * The inbox's applied counter of a service, from the single-meter endpoint: polled every 20 ms while a scenario
     * drains, a whole Prometheus scrape (hundreds of meters) would cost the service more CPU than what it measures.
     */
    private static long applied(Http api) {
        Http.Answer answer = api.get("/actuator/metrics/dealbridge.inbox.applied", Services.ADMIN_TOKEN);
        if (answer.status() == 404) {
            return 0; // no event applied yet: the counter is registered with the inbox
        }
        for (JsonNode measurement : answer.ok().path("measurements")) {
            if (measurement.path("statistic").asString().equals("COUNT")) {
                return (long) measurement.path("value").asDouble();
            }
        }
        throw new IllegalStateException("no COUNT in " + answer.body());
    }

    /** Waits until the service applied at least {@code expected} events; answers when (nanoTime). */
    private static long awaitApplied(Http api, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = -1;
        long movedAt = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - movedAt < Duration.ofSeconds(60).toNanos()) {
            long applied = applied(api);
            if (applied >= expected) {
                return System.nanoTime();
            }
            if (applied != seen) {
                seen = applied;
                movedAt = System.nanoTime();
            }
            // each look is a request the service serves beside the work measured: at 20 ms the looks took 30 %
            // of a restarted CRM's CPU samples while it caught up (JFR, 2026-12-03); 100 ms is 1 % of a 10 s figure
            Thread.sleep(100);
        }
        String metrics = String.join("\n", java.util.Arrays.stream(api.text("/actuator/prometheus",
                Services.ADMIN_TOKEN).split("\n")).filter(line -> line.startsWith("dealbridge")).toList());
        throw new IllegalStateException("applied " + applied(api) + " of " + expected + " events within " + timeout
                + "; its metrics:\n" + metrics);
    }

    private static void awaitUntil(Duration timeout, String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String notes(String deal) {
        return "/api/shared-deals/" + deal + "/shared-notes";
    }

    private static Map<String, Long> rss(ServiceJvm service) throws IOException {
        long[] rss = service.rssMiB();
        return Map.of("now", rss[0], "peak", rss[1]);
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        List<ServerSocket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ServerSocket socket = new ServerSocket(0);
            sockets.add(socket);
            ports[i] = socket.getLocalPort();
        }
        for (ServerSocket socket : sockets) {
            socket.close();
        }
        return ports;
    }

    // ---- report ----------------------------------------------------------------------------------------------

    private void report() throws IOException {
        String json = Http.json(results);
        Path file = Path.of("benchmarks/target/benchmark-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        Files.writeString(file, json);
        System.out.println();
        System.out.println(Report.table(results));
        System.out.println("written to " + file);
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }

    static JsonNode tree(Object value) {
        return tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(value);
    }
}
