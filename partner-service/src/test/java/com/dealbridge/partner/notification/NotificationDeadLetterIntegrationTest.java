package com.dealbridge.partner.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PrometheusText;
import com.dealbridge.partner.PartnerServiceIntegrationTest;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.notification.NotificationDocument;
import com.dealbridge.shareddeal.notification.NotificationDocument.MailState;
import com.dealbridge.shareddeal.notification.NotificationStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An SMTP server that never comes back: after the retries the event goes to the notifications' own dead-letter
 * topic with the reason, the e-mail is marked FAILED, and the notifications behind it still get through.
 */
@PartnerServiceIntegrationTest
@DirtiesContext
class NotificationDeadLetterIntegrationTest {

    static final String ADMIN = PartnerServiceIntegrationTest.ADMIN_TOKEN;
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Nothing listens there: GreenMail is never started. */
    static final TestMail ABSENT_SMTP = new TestMail();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> ABSENT_SMTP.port);
        registry.add("dealbridge.notifications.retries", () -> 2);
        registry.add("dealbridge.notifications.initial-backoff", () -> "50ms");
        registry.add("dealbridge.notifications.max-backoff", () -> "100ms");
    }

    @LocalServerPort
    int port;

    /** This context's broker: the system property names the JVM's newest, maybe a closed @DirtiesContext one. */
    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;
    @Autowired
    MongoOperations mongo;

    ApiClient api;
    CrmSide crm;
    KafkaConsumer<String, byte[]> deadLetters;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        crm = new CrmSide(brokers);
        deadLetters = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters.subscribe(List.of(NotificationProperties.DEFAULT_DEAD_LETTER_TOPIC));
    }

    @AfterEach
    void tearDown() {
        crm.close();
        deadLetters.close();
    }

    @Test
    void anUnsendableMailIsDeadLetteredWithTheReasonAndDoesNotBlockTheNextNotification() {
        String partnerId = api.post("/admin/partners", ADMIN, Map.of("name", "Unreachable Ltd", "capacityLimit", 5))
                .json("/id");
        ApiResponse user = api.post("/admin/partners/" + partnerId + "/users", ADMIN,
                Map.of("name", "Una", "email", "una@unreachable.example"));
        PersonRef una = new PersonRef(user.json("/id"), "Una", "una@unreachable.example");
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        SharedDealRegistered registered = crm.registersForPartner(first, partnerId, "First deal", una);

        crm.send(registered);
        crm.send(crm.registersForPartner(second, partnerId, "Second deal", una));

        List<ConsumerRecord<String, byte[]>> dead = awaitDeadLetters(record -> second.equals(record.key()));
        ConsumerRecord<String, byte[]> firstDead = dead.stream().filter(r -> first.equals(r.key())).findFirst()
                .orElseThrow();
        assertThat(header(firstDead, "kafka_dlt-exception-message")).contains("una@unreachable.example")
                .contains("failed");
        assertThat(header(firstDead, "kafka_dlt-original-topic")).isEqualTo("crm.shared-deal-events.v1");
        NotificationDocument stored = mongo.findById(NotificationStore.idFor(registered.header().eventId()),
                NotificationDocument.class);
        assertThat(stored.mail().state()).isEqualTo(MailState.FAILED);
        assertThat(stored.mail().attempts()).as("the first try and two retries").isEqualTo(3);
        assertThat(stored.mail().lastError()).isNotBlank();
        assertThat(api.get("/api/notifications", user.json("/token")).size("/items"))
                .as("both in-app notifications exist although no mail could be sent").isEqualTo(2);
    }

    @Test
    void anUnreadableEventGoesStraightToTheNotificationsDeadLetterTopic() {
        String key = UUID.randomUUID().toString();

        crm.sendBytes(key, "not an avro event".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> dead = awaitDeadLetters(record -> key.equals(record.key())).stream()
                .filter(record -> key.equals(record.key())).findFirst().orElseThrow();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not an avro event");
        assertThat(header(dead, "kafka_dlt-exception-message")).isNotBlank();
    }

    @Test
    void eachFailedAttemptAndTheDeadLetterAreCountedInPrometheus() {
        Map<String, String> notificationDeadLetters = Map.of("topic", "crm.shared-deal-events.v1",
                "dead_letter_topic", NotificationProperties.DEFAULT_DEAD_LETTER_TOPIC);
        PrometheusText before = metrics();
        String partnerId = api.post("/admin/partners", ADMIN, Map.of("name", "Counted Ltd", "capacityLimit", 5))
                .json("/id");
        ApiResponse user = api.post("/admin/partners/" + partnerId + "/users", ADMIN,
                Map.of("name", "Cid", "email", "cid@counted.example"));
        PersonRef cid = new PersonRef(user.json("/id"), "Cid", "cid@counted.example");

        crm.send(crm.registersForPartner(UUID.randomUUID().toString(), partnerId, "Counted deal", cid));

        await().atMost(WAIT).until(() -> metrics().sum("dealbridge_dead_letters_total", notificationDeadLetters)
                == before.sum("dealbridge_dead_letters_total", notificationDeadLetters) + 1);
        PrometheusText after = metrics();
        Map<String, String> retryable = Map.of("kind", "DEAL_REGISTERED_BY_REP", "permanent", "false");
        assertThat(after.sum("dealbridge_notifications_failed_total", retryable)
                - before.sum("dealbridge_notifications_failed_total", retryable))
                .as("the first try and two retries").isEqualTo(3);
        assertThat(after.sum("dealbridge_notifications_sent_total"))
                .isEqualTo(before.sum("dealbridge_notifications_sent_total"));
    }

    private PrometheusText metrics() {
        ApiResponse scraped = api.get("/actuator/prometheus", ADMIN);
        assertThat(scraped.status()).as(scraped.toString()).isEqualTo(200);
        return PrometheusText.parse(scraped.bodyAsString());
    }

    private List<ConsumerRecord<String, byte[]>> awaitDeadLetters(
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> last) {
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            deadLetters.poll(Duration.ofMillis(200)).forEach(received::add);
            return received.stream().anyMatch(last);
        });
        return received;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
