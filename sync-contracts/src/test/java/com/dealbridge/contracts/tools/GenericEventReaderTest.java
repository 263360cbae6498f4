package com.dealbridge.contracts.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.contracts.avro.SharedNoteAdded;
import com.dealbridge.contracts.golden.GoldenSamples;
import com.dealbridge.contracts.registry.RegistryProcess;
import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.contracts.serde.ContractTypes;
import java.io.IOException;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GenericEventReaderTest {

    private final GenericEventReader reader = new GenericEventReader(RegistryProcess.shared().baseUrl());

    static Stream<Class<? extends SpecificRecord>> contractTypes() {
        return ContractTypes.all().stream();
    }

    @AfterEach
    void close() {
        reader.close();
    }

    @ParameterizedTest
    @MethodSource("contractTypes")
    void aConsumerKnowingOnlyTheRegistryDecodesEveryEventTypeIntoAGenericRecord(Class<? extends SpecificRecord> type)
            throws IOException {
        SpecificRecord sample = GoldenSamples.sample(type);

        GenericRecord generic = reader.read("any-topic", AvroCodec.encode(sample));

        assertThat(generic).isNotInstanceOf(SpecificRecord.class);
        assertThat(generic.getSchema()).isEqualTo(sample.getSchema());
        assertThat(generic).isEqualTo(plainAvro(sample));
        assertThat(reader.json("any-topic", AvroCodec.encode(sample))).startsWith("{").contains(
                "\"" + sample.getSchema().getFields().get(0).name() + "\"");
    }

    @Test
    void printTopicWritesOneJsonLinePerRecordNamingTheTypeAndSchemaId() {
        SpecificRecord note = GoldenSamples.sample(SharedNoteAdded.class);
        byte[] bytes = AvroCodec.encode(note);

        String line = PrintTopic.line(reader, new ConsumerRecord<>("partner.shared-deal-events.v1", 0, 3L, "deal-1",
                bytes));

        assertThat(line).startsWith("{\"partition\":0,\"offset\":3,\"key\":\"deal-1\",\"schemaId\":"
                + AvroCodec.schemaId(bytes) + ",\"type\":\"SharedNoteAdded\",\"value\":{").endsWith("}}");
    }

    /** The same record read by plain Avro from its body, the reference a generic consumer must match. */
    private static GenericRecord plainAvro(SpecificRecord sample) throws IOException {
        byte[] single = AvroCodec.encodeSingleObject(sample);
        return new GenericDatumReader<GenericRecord>(sample.getSchema())
                .read(null, DecoderFactory.get().binaryDecoder(single, 10, single.length - 10, null));
    }
}
