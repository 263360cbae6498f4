package com.dealbridge.shareddeal.config;

import com.dealbridge.contracts.serde.AvroSerializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The producer record listeners' dead letters go out with: the raw bytes of a record that could not be decoded, the
 * Avro of one that could but failed. Held here rather than exposed as a producer factory bean, so Boot's own
 * factory stays in place.
 */
public final class DeadLetterProducer implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, Object> factory;
    private final KafkaTemplate<String, Object> template;

    public DeadLetterProducer(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        org.springframework.kafka.support.serializer.DelegatingByTypeSerializer values =
                new org.springframework.kafka.support.serializer.DelegatingByTypeSerializer(
                        Map.of(byte[].class, new ByteArraySerializer(), SpecificRecord.class, new AvroSerializer()),
                        true);
        this.factory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), values);
        this.template = new KafkaTemplate<>(factory);
    }

    public KafkaTemplate<String, Object> template() {
        return template;
    }

    @Override
    public void destroy() {
        factory.destroy();
    }
}
