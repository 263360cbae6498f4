package com.dealbridge.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads topics from the beginning and re-sends records as they were, to inspect and to duplicate deliveries. */
final class TopicProbe implements AutoCloseable {

    private final String brokers;
    private final KafkaProducer<String, byte[]> producer;

    TopicProbe(String brokers) {
        this.brokers = brokers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Every record currently in the topic with this key, oldest first per partition. */
    List<ConsumerRecord<String, byte[]>> recordsFor(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        scan(topic, record -> {
            if (key.equals(record.key())) {
                all.add(record);
            }
            return false;
        });
        return all;
    }

    /** Every record currently in the topic, oldest first per partition. */
    List<ConsumerRecord<String, byte[]>> records(String topic) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        scan(topic, record -> !all.add(record));
        return all;
    }

    /**
     * Reads the topic from the beginning until it stays quiet (three empty polls after the assignment) or
     * {@code stop} answers true for a record; answers whether it stopped early.
     */
    private boolean scan(String topic, java.util.function.Predicate<ConsumerRecord<String, byte[]>> stop) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty() && !consumer.assignment().isEmpty()) {
                    emptyPolls++;
                }
                for (ConsumerRecord<String, byte[]> record : batch) {
                    if (stop.test(record)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Every topic on the broker, internal ones excluded. */
    java.util.Set<String> topics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            return admin.listTopics().names().get();
        }
    }

    /** Whether any record (key or value) currently in the topic contains these bytes. */
    boolean anyRecordContains(String topic, byte[] needle) {
        return scan(topic, record -> contains(record.value(), needle)
                || (record.key() != null && contains(record.key().getBytes(), needle)));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        if (haystack == null) {
            return false;
        }
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** How many records of the topic the consumer group has not committed yet (all partitions). */
    long lag(String groupId, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        }
    }

    void send(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    /** Sends a record as it is, with its headers. */
    void send(ProducerRecord<String, byte[]> record) throws Exception {
        producer.send(record).get();
    }

    void resend(ConsumerRecord<String, byte[]> record) throws Exception {
        producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value())).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
