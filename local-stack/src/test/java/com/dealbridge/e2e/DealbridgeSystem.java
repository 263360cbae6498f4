package com.dealbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.crm.CrmServiceApplication;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.mongo.embedded.EmbeddedMongoServers;
import com.dealbridge.partner.PartnerServiceApplication;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Both services as they run in production — separate Spring applications, each with its own MongoDB — talking
 * only through one real Kafka broker (embedded KRaft). The stores outlive the services, so a test can stop and
 * restart either service and find its data again, as after a crash or a deploy.
 */
public final class DealbridgeSystem implements AutoCloseable {

    public static final String PARTNER_ADMIN = "e2e-partner-admin";
    public static final String CRM_ADMIN = "e2e-crm-admin";

    // Not final: close() lets go of them. The test classes keep their system in a static field for the whole test
    // JVM, so a closed system holding its broker, stores and contexts kept every earlier class's data reachable.
    private EmbeddedKafkaKraftBroker broker;
    private MongoServer partnerMongo;
    private MongoServer crmMongo;
    private GreenMail smtp;
    private final Map<String, String> extraProperties = new LinkedHashMap<>();
    private ConfigurableApplicationContext partner;
    private ConfigurableApplicationContext crm;
    private final List<ConfigurableApplicationContext> moreInstances = new java.util.ArrayList<>();
    /** The crm-service instances started beside the first (also in {@link #moreInstances}). */
    private final List<ConfigurableApplicationContext> moreCrms = new java.util.ArrayList<>();
    /** The program's clock of crm-service (registration expiry), when a test moves time itself; null: the system's. */
    private java.time.Clock crmClock;

    /** Where the services' broker and stores run when they are not this JVM's own (e.g. containers). */
    public record Infrastructure(String brokers, String partnerMongoUri, String crmMongoUri) {
    }

    /** The broker and stores in use: this JVM's own, or those given. */
    private Infrastructure infrastructure;

    private DealbridgeSystem(Map<String, String> extraProperties) {
        this(extraProperties, null);
    }

    private DealbridgeSystem(Map<String, String> extraProperties, Infrastructure external) {
        this.extraProperties.putAll(extraProperties);
        if (external == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
            broker.afterPropertiesSet();
            partnerMongo = startMongo();
            crmMongo = startMongo();
            infrastructure = new Infrastructure(broker.getBrokersAsString(), mongoUri(partnerMongo, "partner"),
                    mongoUri(crmMongo, "crm"));
        } else {
            infrastructure = external;
        }
        // A real SMTP server, so notifications have somewhere to go in every end-to-end test.
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    /** Starts the broker, both stores and both services. */
    public static DealbridgeSystem start() {
        return start(Map.of());
    }

    /** As {@link #start()}, with extra Spring properties for both services (they win over the defaults). */
    public static DealbridgeSystem start(Map<String, String> extraProperties) {
        DealbridgeSystem system = new DealbridgeSystem(extraProperties);
        system.startPartner();
        system.startCrm();
        return system;
    }

    /** Both services on a broker and stores that run elsewhere (the test owns them). */
    public static DealbridgeSystem startOn(Infrastructure infrastructure) {
        DealbridgeSystem system = new DealbridgeSystem(Map.of(), infrastructure);
        system.startPartner();
        system.startCrm();
        return system;
    }

    /** As {@link #start(Map)}, crm-service's instances reading the program's time from {@code crmClock}. */
    public static DealbridgeSystem start(Map<String, String> extraProperties, java.time.Clock crmClock) {
        DealbridgeSystem system = new DealbridgeSystem(extraProperties);
        system.crmClock = crmClock;
        system.startPartner();
        system.startCrm();
        return system;
    }

    /** The broker, both stores and crm-service only: a test runs the partner side its own way. */
    public static DealbridgeSystem startCrmOnly(Map<String, String> extraProperties) {
        DealbridgeSystem system = new DealbridgeSystem(extraProperties);
        system.startCrm();
        return system;
    }

    public void startPartner() {
        partner = run(PartnerServiceApplication.builder(), infrastructure.partnerMongoUri(), PARTNER_ADMIN);
    }

    public void stopPartner() {
        partner.close();
        partner = null;
    }

    /** Another instance of partner-service on the same store and consumer group, as a scaled-out deployment. */
    public ApiClient startAnotherPartner() {
        ConfigurableApplicationContext instance = run(PartnerServiceApplication.builder(),
                infrastructure.partnerMongoUri(), PARTNER_ADMIN);
        moreInstances.add(instance);
        return client(instance, "partner-service");
    }

    /** Another instance of crm-service on the same store and consumer group. */
    public ApiClient startAnotherCrm() {
        ConfigurableApplicationContext instance = run(crmBuilder(), infrastructure.crmMongoUri(), CRM_ADMIN);
        moreInstances.add(instance);
        moreCrms.add(instance);
        return client(instance, "crm-service");
    }

    public void startCrm() {
        crm = run(crmBuilder(), infrastructure.crmMongoUri(), CRM_ADMIN);
    }

    private SpringApplicationBuilder crmBuilder() {
        SpringApplicationBuilder builder = CrmServiceApplication.builder();
        if (crmClock != null) {
            java.time.Clock clock = crmClock;
            // registered before the configuration classes, so the service's default Clock bean steps aside
            builder.initializers(context -> ((org.springframework.context.support.GenericApplicationContext) context)
                    .registerBean("e2eClock", java.time.Clock.class, () -> clock));
        }
        return builder;
    }

    public void stopCrm() {
        crm.close();
        crm = null;
    }

    private ConfigurableApplicationContext run(SpringApplicationBuilder builder, String mongoUri, String adminToken) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.kafka.bootstrap-servers", infrastructure.brokers());
        properties.put("spring.mongodb.uri", mongoUri);
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(smtp.getSmtp().getPort()));
        properties.put("dealbridge.security.admin-token", adminToken);
        properties.put("dealbridge.sync.relay.sweep-interval", "500ms");
        properties.put("dealbridge.sync.relay.retry-delay", "200ms");
        properties.put("dealbridge.crm.assignment.sweep-interval", "1s");
        properties.putAll(extraProperties);
        // As command-line arguments: they win over the services' own config files, like a deployment's settings.
        return builder.run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new));
    }

    public ApiClient partner() {
        return client(partner, "partner-service");
    }

    /** The partner portal's address, for a browser. */
    public String partnerUrl() {
        return "http://127.0.0.1:" + partner.getEnvironment().getProperty("local.server.port");
    }

    /** The CRM workspace's address, for a browser. */
    public String crmUrl() {
        return "http://127.0.0.1:" + crm.getEnvironment().getProperty("local.server.port");
    }

    public ApiClient crm() {
        return client(crm, "crm-service");
    }

    public <T> T partnerBean(Class<T> type) {
        return partner.getBean(type);
    }

    public <T> T crmBean(Class<T> type) {
        return crm.getBean(type);
    }

    /** The bean of every running crm-service instance: the first one's, then those started since. */
    public <T> List<T> crmBeans(Class<T> type) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(crm), moreCrms.stream())
                .map(instance -> instance.getBean(type)).toList();
    }

    public String brokers() {
        return infrastructure.brokers();
    }

    /** The SMTP server every service mails to. */
    public GreenMail smtp() {
        return smtp;
    }

    /** The mails the SMTP server received for this address (case-insensitive), oldest first. */
    public List<jakarta.mail.internet.MimeMessage> mailsTo(String address) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                jakarta.mail.Address[] to = message.getAllRecipients();
                return to != null && java.util.Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public String partnerMongoUri() {
        return infrastructure.partnerMongoUri();
    }

    public String crmMongoUri() {
        return infrastructure.crmMongoUri();
    }

    /** A new partner with one user; returns the user's token and ids. */
    public PartnerUser newPartner(String name, int capacityLimit) {
        ApiResponse created = ok(partner().post("/admin/partners", PARTNER_ADMIN,
                Map.of("name", name, "capacityLimit", capacityLimit)), 201);
        String partnerId = created.json("/id");
        String email = "user-" + UUID.randomUUID() + "@partner.test";
        ApiResponse user = ok(partner().post("/admin/partners/" + partnerId + "/users", PARTNER_ADMIN,
                Map.of("name", name + " User", "email", email)), 201);
        return new PartnerUser(partnerId, user.json("/id"), user.json("/token"), name + " User", email,
                user.json("/invitationUrl"));
    }

    /** A new sales rep; returns id and token. */
    public Rep newRep(String name) {
        ApiResponse rep = ok(crm().post("/admin/sales-reps", CRM_ADMIN,
                Map.of("name", name, "email", name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID()
                        + "@vendor.test")), 201);
        return new Rep(rep.json("/id"), name, rep.json("/token"), rep.json("/email"), rep.json("/invitationUrl"));
    }

    /** @param invitationUrl the one-time link that sets the user's password for the portal's pages */
    public record PartnerUser(String partnerId, String userId, String token, String name, String email,
                              String invitationUrl) {
    }

    /** @param invitationUrl the one-time link that sets the rep's password for the CRM workspace's pages */
    public record Rep(String id, String name, String token, String email, String invitationUrl) {
    }

    static ApiResponse ok(ApiResponse response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        return response;
    }

    private static ApiClient client(ConfigurableApplicationContext context, String name) {
        if (context == null) {
            throw new IllegalStateException(name + " is stopped");
        }
        String port = context.getEnvironment().getProperty("local.server.port");
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /** The embedded store the local stack uses, kept in memory: the tests start from nothing every run. */
    private static MongoServer startMongo() {
        return EmbeddedMongoServers.start("", 0);
    }

    private static String mongoUri(MongoServer server, String database) {
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }

    @Override
    public void close() {
        moreInstances.forEach(ConfigurableApplicationContext::close);
        if (partner != null) {
            partner.close();
        }
        if (crm != null) {
            crm.close();
        }
        if (broker != null) { // this JVM's own: the test stops what it started elsewhere
            partnerMongo.shutdownNow();
            crmMongo.shutdownNow();
            broker.destroy();
        }
        smtp.stop();
        moreInstances.clear();
        moreCrms.clear();
        partner = null;
        crm = null;
        partnerMongo = null;
        crmMongo = null;
        smtp = null;
        broker = null;
        infrastructure = null;
    }
}
