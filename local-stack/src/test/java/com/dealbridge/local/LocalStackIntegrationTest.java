package com.dealbridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's infrastructure, for real: a KRaft broker, MongoDB-wire servers on journaled data directories and SMTP. */
class LocalStackIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "local-stack.smoke.v1";

    @TempDir
    Path dataDir;

    @Test
    void startsKafkaMongoAndSmtpOnTheConfiguredPortsAndFreesThemOnClose() throws Exception {
        LocalStackSettings settings = FreePorts.settings(dataDir);
        try (LocalStack stack = new LocalStack(settings)) {
            stack.startInfrastructure();

            assertThat(stack.kafka().bootstrapServers()).isEqualTo("127.0.0.1:" + settings.kafkaPort());
            produce(stack.kafka().bootstrapServers(), "deal-1", "hello");
            assertThat(consumeOne(stack.kafka().bootstrapServers(), "smoke").value()).isEqualTo("hello");

            try (MongoClient client = MongoClients.create(stack.crmMongo().uri("crm"))) {
                Document pong = client.getDatabase("crm").runCommand(new Document("ping", 1));
                assertThat(pong.get("ok", Number.class).intValue()).isEqualTo(1);
            }

            sendMail(settings.smtpPort(), "smoke test", "rep@vendor.example");
            await().atMost(WAIT).until(() -> stack.mail().receivedCount() == 1);
        }
        assertThat(settings.ports().values()).allSatisfy(port -> assertThat(Ports.isFree(port)).isTrue());
        assertThat(settings.kafkaDir().resolve("meta.properties")).exists();
        assertThat(settings.partnerMongoDir()).isDirectory();
        assertThat(settings.crmMongoDir()).isDirectory();
    }

    @Test
    void kafkaKeepsTopicsRecordsAndCommittedOffsetsAcrossARestart() throws Exception {
        List<Integer> ports = FreePorts.take(2);
        Path logDir = dataDir.resolve("kafka");
        ConsumerRecord<String, String> consumed;
        try (KafkaBroker broker = KafkaBroker.start(logDir, ports.get(0), ports.get(1))) {
            produce(broker.bootstrapServers(), "deal-1", "registered");
            consumed = consumeOne(broker.bootstrapServers(), "crm-sync");
        }

        try (KafkaBroker restarted = KafkaBroker.start(logDir, ports.get(0), ports.get(1));
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        restarted.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).contains(TOPIC);
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets("crm-sync").partitionsToOffsetAndMetadata().get();
            TopicPartition partition = new TopicPartition(TOPIC, consumed.partition());
            assertThat(committed.get(partition).offset()).isEqualTo(consumed.offset() + 1);
            assertThat(consumeOne(restarted.bootstrapServers(), "new-reader").value()).isEqualTo("registered");
        }
    }

    @Test
    void mongoWriteSurvivesARestartOfTheServer() {
        int port = FreePorts.take(1).get(0);
        Path file = dataDir.resolve("partner-mongo");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(file, port);
                MongoClient client = MongoClients.create(mongo.uri("partner"))) {
            deals(client).insertOne(new Document("_id", "deal-1").append("name", "Acme rollout"));
        }

        try (EmbeddedMongo restarted = EmbeddedMongo.start(file, port);
                MongoClient client = MongoClients.create(restarted.uri("partner"))) {
            Document deal = deals(client).find(new Document("_id", "deal-1")).first();
            assertThat(deal).isNotNull();
            assertThat(deal.getString("name")).isEqualTo("Acme rollout");
        }
    }

    @Test
    void savesEachReceivedMailOnceAsAnEmlFileWhateverTheNumberOfRecipients() throws Exception {
        int port = FreePorts.take(1).get(0);
        Path mailDir = dataDir.resolve("mail");
        try (MailCatcher mail = MailCatcher.start(mailDir, port)) {
            sendMail(port, "New shared note on Acme rollout", "alice@acme-partners.example",
                    "bob@acme-partners.example");
            await().atMost(WAIT).until(() -> mail.receivedCount() == 1);
        }

        List<Path> files;
        try (Stream<Path> list = Files.list(mailDir)) {
            files = list.toList();
        }
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).endsWith(".eml");
            assertThat(Files.readString(file))
                    .contains("Subject: New shared note on Acme rollout")
                    .contains("alice@acme-partners.example")
                    .contains("bob@acme-partners.example");
        });
    }

    @Test
    void refusesToStartWhenAPortIsTakenAndNamesItsVariable() throws Exception {
        LocalStackSettings settings = FreePorts.settings(dataDir);
        try (ServerSocket squatter = new ServerSocket();
                LocalStack stack = new LocalStack(settings)) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), settings.kafkaPort()));

            assertThatThrownBy(stack::startInfrastructure)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("KAFKA_PORT=" + settings.kafkaPort());
            assertThat(stack.mail()).isNull();
            assertThat(settings.mailDir()).doesNotExist();
        }
    }

    private static MongoCollection<Document> deals(MongoClient client) {
        return client.getDatabase("partner").getCollection("deals");
    }

    private static void produce(String bootstrap, String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    /** Reads the first record of the topic as {@code group} and commits its offset. */
    private static ConsumerRecord<String, String> consumeOne(String bootstrap, String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
            consumer.commitSync();
            return received.get(0);
        }
    }

    private static void sendMail(int port, String subject, String... recipients) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("noreply@dealbridge.example"));
        for (String recipient : recipients) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject);
        message.setText("Rita Reyes added a shared note.");
        Transport.send(message);
    }
}
