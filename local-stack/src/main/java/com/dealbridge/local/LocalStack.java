package com.dealbridge.local;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.contracts.tools.RegistryRunner;
import com.dealbridge.contracts.tools.SchemaRegistration;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole dealbridge system in one JVM for a developer: a Kafka broker (KRaft), one MongoDB-wire server per
 * service, an SMTP server that keeps every mail, both services, and demo data on first start.
 * {@link #main} is the entry point of the {@code local-stack-*-exec.jar}.
 */
public final class LocalStack implements AutoCloseable {

    public static final String PARTNER_ADMIN_TOKEN = "dev-partner-admin";
    public static final String CRM_ADMIN_TOKEN = "dev-crm-admin";
    static final String AVRO_TRUSTED_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";
    static final String CONTRACTS_PACKAGE = "com.dealbridge.contracts.avro";
    /** Where the build unpacks Apicurio's runner jar, relative to the repository root run-local.sh runs in. */
    public static final String REGISTRY_JAR =
            "sync-contracts/target/apicurio-registry/apicurio-registry-app-2.6.13.Final-runner.jar";

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final LocalStackSettings settings;
    /** Everything started so far; closed last-started-first: services, broker, databases, SMTP. */
    private final Deque<Stoppable> running = new ArrayDeque<>();
    private MailCatcher mail;
    private EmbeddedMongo partnerMongo;
    private EmbeddedMongo crmMongo;
    private KafkaBroker kafka;
    private URI schemaRegistry;
    private boolean closed;

    private record Stoppable(String name, AutoCloseable resource) {
    }

    public LocalStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        long startNanos = System.nanoTime();
        trustAvroContracts();
        LocalStackSettings settings;
        try {
            settings = LocalStackSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            log.error("The local stack could not start: {}", rootMessage(e), e);
            System.exit(1);
            return;
        }
        Map<String, String> health = stack.awaitHealth(Duration.ofSeconds(30));
        SeedFile seeds = stack.seedDemoData();
        Map<String, String> invitations = stack.invitations(seeds);
        Duration startup = Duration.ofNanos(System.nanoTime() - startNanos);
        System.out.println(Summary.render(settings, health, seeds, invitations, startup));
    }

    /** Ports are checked first: a busy port fails in a second and names the variable to change. */
    public synchronized void start() {
        startInfrastructure();
        startServices();
    }

    /** SMTP, both MongoDB servers and the Kafka broker, in that order. */
    public synchronized void startInfrastructure() {
        Ports.requireFree(settings.ports());
        log.info("Data directory: {}", settings.dataDir());
        mail = started("SMTP server", MailCatcher.start(settings.mailDir(), settings.smtpPort()));
        partnerMongo = started("partner MongoDB",
                EmbeddedMongo.start(settings.partnerMongoDir(), settings.partnerMongoPort()));
        crmMongo = started("crm MongoDB", EmbeddedMongo.start(settings.crmMongoDir(), settings.crmMongoPort()));
        long kafkaStart = System.nanoTime();
        kafka = started("Kafka broker",
                KafkaBroker.start(settings.kafkaDir(), settings.kafkaPort(), settings.kafkaControllerPort()));
        log.info("Kafka broker ready on {} in {} ms", kafka.bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - kafkaStart).toMillis());
        schemaRegistry = startSchemaRegistry();
    }

    /**
     * The schema registry with every contract schema registered, as a deployment does (docs/adr/0011). A JVM that
     * already has one (a test JVM's shared registry) keeps it; otherwise Apicurio's runner jar, which the build
     * unpacks ({@code SCHEMA_REGISTRY_JAR} names another), runs on {@code SCHEMA_REGISTRY_PORT}. In memory: the
     * schemas are registered again, in the same order and so with the same ids, on every start.
     */
    private URI startSchemaRegistry() {
        String shared = System.getProperty(AvroCodec.REGISTRY_URL_PROPERTY);
        URI url = shared == null ? null : URI.create(shared);
        if (url == null) {
            long start = System.nanoTime();
            String jar = System.getenv().getOrDefault("SCHEMA_REGISTRY_JAR", REGISTRY_JAR);
            RegistryRunner registry = started("schema registry", RegistryRunner.start(Path.of(jar),
                    settings.schemaRegistryPort(), settings.schemaRegistryLog(), Duration.ofSeconds(90)));
            new SchemaRegistration(registry.ccompatApi()).registerAll();
            url = registry.baseUrl();
            log.info("Schema registry ready on {} with the contract schemas in {} ms", url,
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
        AvroCodec.useRegistry(url, false);
        return url;
    }

    /** Both services, partner first; each returns once its HTTP port is open. */
    public synchronized void startServices() {
        if (kafka == null) {
            throw new IllegalStateException("startInfrastructure() first");
        }
        trustAvroContracts();
        ConfigurableApplicationContext partner = ServiceApps.startPartner(settings, kafka.bootstrapServers(),
                partnerMongo.uri("partner"), mail.port());
        started("partner-service", partner::close);
        ConfigurableApplicationContext crm = ServiceApps.startCrm(settings, kafka.bootstrapServers(),
                crmMongo.uri("crm"), mail.port());
        started("crm-service", crm::close);
    }

    /**
     * Seeds the demo data unless {@code tokens.properties} says it is complete. A failure is logged with the
     * failing call and the stack keeps running: the next start resumes where this one stopped.
     */
    SeedFile seedDemoData() {
        SeedFile seeds = SeedFile.load(settings.tokensFile());
        if (seeds.isComplete()) {
            return seeds;
        }
        DemoSeeder seeder = seeder(seeds);
        try {
            seeder.seed();
            log.info("Demo data created; tokens saved to {}", seeds.path());
        } catch (SeedingException e) {
            log.error("Demo data is incomplete: {}. What was created is in {}; the next start resumes seeding.",
                    e.getMessage(), seeds.path());
        }
        return seeds;
    }

    /** Fresh sign-in links of the demo partner users (empty, with the error logged, if the service refuses). */
    Map<String, String> invitations(SeedFile seeds) {
        try {
            return seeder(seeds).invitations();
        } catch (SeedingException e) {
            log.error("Could not get sign-in links for the demo partner users: {}", e.getMessage(), e);
            return Map.of();
        }
    }

    private DemoSeeder seeder(SeedFile seeds) {
        return DemoSeeder.against(settings.partnerUrl(), PARTNER_ADMIN_TOKEN, settings.crmUrl(), CRM_ADMIN_TOKEN,
                seeds);
    }

    /** Polls both services' /actuator/health until UP or the deadline; returns the last status of each. */
    Map<String, String> awaitHealth(Duration timeout) {
        HealthProbe probe = new HealthProbe(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                JsonMapper.builder().build());
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("partner-service", settings.partnerUrl());
        urls.put("crm-service", settings.crmUrl());
        return probe.awaitUp(urls, timeout);
    }

    public LocalStackSettings settings() {
        return settings;
    }

    /** The registry's base URL (its Confluent API is under {@code /apis/ccompat/v7}). */
    public URI schemaRegistry() {
        return schemaRegistry;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public EmbeddedMongo partnerMongo() {
        return partnerMongo;
    }

    public EmbeddedMongo crmMongo() {
        return crmMongo;
    }

    public MailCatcher mail() {
        return mail;
    }

    /** Stops services first, then the broker, the databases and SMTP. Safe to call twice (hook and caller). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!running.isEmpty()) {
            log.info("Stopping the local stack...");
        }
        while (!running.isEmpty()) {
            Stoppable next = running.pop();
            try {
                next.resource().close();
                log.info("Stopped {}", next.name());
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", next.name(), e.toString());
            }
        }
    }

    private <T extends AutoCloseable> T started(String name, T resource) {
        running.push(new Stoppable(name, resource));
        return resource;
    }

    /** Avro decodes only into trusted packages; the services need theirs trusted before the first event. */
    static void trustAvroContracts() {
        if (System.getProperty(AVRO_TRUSTED_PACKAGES) == null) {
            System.setProperty(AVRO_TRUSTED_PACKAGES, CONTRACTS_PACKAGE);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // Spring wraps the real reason in several layers of bean-creation messages; the innermost one says it.
        return String.valueOf(root.getMessage());
    }
}
