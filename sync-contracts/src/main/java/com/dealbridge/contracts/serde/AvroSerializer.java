package com.dealbridge.contracts.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka value serializer for contract messages ({@link AvroCodec#encode}). A null value stays null, so tombstones
 * on the compacted topics pass through.
 */
public class AvroSerializer implements Serializer<SpecificRecord> {

    @Override
    public byte[] serialize(String topic, SpecificRecord data) {
        return data == null ? null : AvroCodec.encode(data);
    }
}
