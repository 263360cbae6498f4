package com.dealbridge.contracts.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for contract messages ({@link AvroCodec#decode}). A null value (tombstone) stays null.
 * Failures are {@link org.apache.kafka.common.errors.SerializationException}s with a message fit for a dead-letter
 * header; wrap this in spring-kafka's {@code ErrorHandlingDeserializer} so a poison record never stops the consumer.
 */
public class AvroDeserializer implements Deserializer<SpecificRecord> {

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        return data == null ? null : AvroCodec.decode(data);
    }
}
