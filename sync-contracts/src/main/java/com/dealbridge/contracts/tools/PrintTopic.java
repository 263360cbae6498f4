package com.dealbridge.contracts.tools;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Shell command: prints every record of a topic, from the beginning, as one JSON line
 * ({@code {"partition":0,"offset":3,"key":"...","schemaId":7,"type":"SharedNoteAdded","value":{...}}}) and exits once the topic is drained.
 * {@code java -cp <sync-contracts and its dependencies> com.dealbridge.contracts.tools.PrintTopic
 * 127.0.0.1:9092 partner.shared-deal-events.v1 http://127.0.0.1:8085}. Joins no consumer group.
 */
public final class PrintTopic {

    private static final Duration IDLE = Duration.ofSeconds(3);

    private PrintTopic() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: PrintTopic <bootstrap servers> <topic> <registry base URL,"
                    + " e.g. http://127.0.0.1:8085>");
            System.exit(2);
        }
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        String topic = args[1];
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
                GenericEventReader reader = new GenericEventReader(URI.create(args[2]))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map((PartitionInfo info) -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant idleSince = Instant.now();
            while (Duration.between(idleSince, Instant.now()).compareTo(IDLE) < 0) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    System.out.println(line(reader, record));
                    idleSince = Instant.now();
                }
            }
        }
    }

    static String line(GenericEventReader reader, ConsumerRecord<String, byte[]> record) {
        byte[] value = record.value();
        String schemaId = value != null && value.length >= 5 && value[0] == 0
                ? String.valueOf(java.nio.ByteBuffer.wrap(value, 1, 4).getInt()) : "null";
        GenericRecord event = reader.read(record.topic(), value);
        return "{\"partition\":" + record.partition() + ",\"offset\":" + record.offset() + ",\"key\":"
                + (record.key() == null ? "null" : SchemaRegistration.jsonString(record.key()))
                + ",\"schemaId\":" + schemaId
                + ",\"type\":" + (event == null ? "null" : SchemaRegistration.jsonString(event.getSchema().getName()))
                + ",\"value\":" + (event == null ? "null" : GenericData.get().toString(event)) + "}";
    }
}
