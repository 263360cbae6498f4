package com.dealbridge.shareddeal.config;

import com.dealbridge.contracts.serde.AvroSerializer;
import com.dealbridge.sync.deadletter.DeadLetters;
import com.dealbridge.sync.metrics.KafkaClientMeters;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * The producer record listeners' dead letters go out with: the raw bytes of a record that could not be decoded, the
 * Avro of one that could but failed. Held here rather than exposed as a producer factory bean, so Boot's own
 * factory stays in place.
 */
public final class DeadLetterProducer implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, Object> factory;
    private final KafkaTemplate<String, Object> template;
    private final MeterRegistry meters;

    public DeadLetterProducer(KafkaProperties kafka, KafkaClientMeters clientMeters, MeterRegistry meters) {
        this.meters = meters;
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        org.springframework.kafka.support.serializer.DelegatingByTypeSerializer values =
                new org.springframework.kafka.support.serializer.DelegatingByTypeSerializer(
                        Map.of(byte[].class, new ByteArraySerializer(), SpecificRecord.class, new AvroSerializer()),
                        true);
        this.factory = clientMeters.instrument("deadLetterProducerFactory",
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), values));
        this.template = new KafkaTemplate<>(factory);
    }

    public KafkaTemplate<String, Object> template() {
        return template;
    }

    /**
     * Publishes a failed record to the dead-letter topic {@code deadLetterTopic} names for it (waiting for Kafka,
     * so the offset is committed only after), and counts it in {@code dealbridge_dead_letters_total}.
     */
    public ConsumerRecordRecoverer recoverer(Function<ConsumerRecord<?, ?>, String> deadLetterTopic) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(deadLetterTopic.apply(record), -1));
        publisher.setFailIfSendResultIsError(true);
        return (record, failure) -> {
            publisher.accept(record, failure);
            DeadLetters.counter(meters, record.topic(), deadLetterTopic.apply(record)).increment();
        };
    }

    @Override
    public void destroy() {
        factory.destroy();
    }
}
