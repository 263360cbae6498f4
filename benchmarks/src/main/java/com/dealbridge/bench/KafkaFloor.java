package com.dealbridge.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor: plain Kafka clients on the same broker, records the size of a note event, the producer configured
 * as the relay's (idempotent, acks=all, linger 1 ms): how many records per second get from a producer to a
 * consumer, and how long one record takes at a low rate.
 */
final class KafkaFloor {

    private final String bootstrap;

    KafkaFloor(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    Map<String, Object> measure(int records, int lowRateRecords) throws Exception {
        String topic = "bench.floor." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        byte[] payload = new byte[700];
        Map<String, Object> result = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = producer();
             KafkaConsumer<String, byte[]> consumer = consumer(topic)) {
            awaitAssignment(consumer);
            // throughput: everything sent as fast as the producer takes it, counted as the consumer receives it
            long start = System.nanoTime();
            List<CompletableFuture<?>> sends = new ArrayList<>();
            Thread sender = new Thread(() -> {
                for (int i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>(topic, "deal-" + (i % 200), payload));
                }
                producer.flush();
            });
            sender.start();
            long received = 0;
            while (received < records) {
                received += consumer.poll(Duration.ofMillis(100)).count();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sender.join();
            result.put("recordsPerSecond", Math.round(records / seconds));
            // latency: one record at a time, produce to consume
            Stats latency = new Stats();
            for (int i = 0; i < lowRateRecords; i++) {
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "deal-" + (i % 200), payload));
                boolean got = false;
                while (!got) {
                    for (ConsumerRecord<String, byte[]> ignored : consumer.poll(Duration.ofMillis(100))) {
                        got = true;
                    }
                }
                latency.record(System.nanoTime() - sent);
                Thread.sleep(10);
            }
            result.put("latency", latency.summary());
        }
        return result;
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-floor-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static void awaitAssignment(KafkaConsumer<String, byte[]> consumer) {
        AtomicLong polls = new AtomicLong();
        while (consumer.assignment().isEmpty() && polls.incrementAndGet() < 300) {
            consumer.poll(Duration.ofMillis(100));
        }
    }
}
