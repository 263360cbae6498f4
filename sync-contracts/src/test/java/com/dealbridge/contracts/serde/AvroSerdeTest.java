package com.dealbridge.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.avro.ProductChanged;
import com.dealbridge.contracts.avro.SharedDealRegistered;
import com.dealbridge.contracts.golden.GoldenSamples;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final AvroSerializer serializer = new AvroSerializer();
    private final AvroDeserializer deserializer = new AvroDeserializer();

    @Test
    void serializerWritesWhatTheCodecWrites() {
        SpecificRecord sample = GoldenSamples.sample(SharedDealRegistered.class);

        assertThat(serializer.serialize(Topics.PARTNER_SHARED_DEAL_EVENTS, sample)).isEqualTo(AvroCodec.encode(sample));
    }

    @Test
    void deserializerReadsWhatTheSerializerWrote() {
        SpecificRecord sample = GoldenSamples.sample(ProductChanged.class);
        byte[] bytes = serializer.serialize(Topics.CRM_PRODUCTS, new RecordHeaders(), sample);

        assertThat(deserializer.deserialize(Topics.CRM_PRODUCTS, new RecordHeaders(), bytes)).isEqualTo(sample);
        assertThat(deserializer.deserialize(Topics.CRM_PRODUCTS, new RecordHeaders(), ByteBuffer.wrap(bytes)))
                .isEqualTo(sample);
    }

    @Test
    void nullStaysNullBothWays() {
        assertThat(serializer.serialize(Topics.PARTNER_ACCOUNTS, null)).isNull();
        assertThat(deserializer.deserialize(Topics.PARTNER_ACCOUNTS, (byte[]) null)).isNull();
    }

    @Test
    void deserializerFailsWithASerializationExceptionOnGarbage() {
        byte[] garbage = "{\"json\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.CRM_SHARED_DEAL_EVENTS, garbage))
                .isInstanceOf(SerializationException.class)
                .isInstanceOf(InvalidEventBytesException.class);
    }
}
