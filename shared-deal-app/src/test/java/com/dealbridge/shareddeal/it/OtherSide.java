package com.dealbridge.shareddeal.it;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.wire.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** Plays the other service with plain Kafka clients: sends its events and reads what this side published. */
final class OtherSide implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    /** Waits for a flush before it sends: what it is given between two flushes travels as one batch. */
    private final KafkaProducer<String, byte[]> batching;
    private final KafkaConsumer<String, byte[]> consumer;
    private final EventCodec codec = new EventCodec();

    OtherSide(String brokers, String... readTopics) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer());
        batching = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.LINGER_MS_CONFIG, 60_000), new StringSerializer(), new ByteArraySerializer());
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "other-side-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(readTopics));
    }

    void send(String topic, SharedDealEvent event) {
        sendBytes(topic, event.header().sharedDealId(), codec.encode(event));
    }

    void sendBytes(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the events in one produce request: they arrive in one batch, so the inbox reads them in one poll. */
    void sendTogether(String topic, SharedDealEvent... events) {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (SharedDealEvent event : events) {
            sent.add(batching.send(new ProducerRecord<>(topic, event.header().sharedDealId(), codec.encode(event))));
        }
        batching.flush();
        try {
            for (java.util.concurrent.Future<?> future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything received since the last call. */
    List<ConsumerRecord<String, byte[]>> poll() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records;
    }

    SharedDealEvent decode(ConsumerRecord<String, byte[]> record) {
        return codec.toDomain(AvroCodec.decode(record.value()));
    }

    @Override
    public void close() {
        producer.close();
        batching.close();
        consumer.close();
    }
}
