package com.dealbridge.contracts.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.contracts.serde.ContractTypes;
import com.dealbridge.contracts.serde.SchemaCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The frozen samples still mean what they say: readable JSON, exact bytes, and today's code reads both alike. */
class GoldenSampleTest {

    static List<GoldenSample> samples() {
        return GoldenSamples.all();
    }

    static Stream<GoldenSample> samplesOfTheCurrentSchema() {
        return samples().stream().filter(sample -> SchemaCatalog.fingerprint(sample.writerSchema())
                == SchemaCatalog.fingerprint(currentSchema(sample)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void jsonEncodedWithItsReleasedSchemaGivesTheGoldenBytes(GoldenSample sample) throws IOException {
        Schema writer = sample.writerSchema();
        GenericRecord fromJson = new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().jsonDecoder(writer, sample.json()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer).encode(fromJson, out);

        assertThat(out.toByteArray()).isEqualTo(sample.bytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void goldenBytesDecodeToTheRecordInTheJson(GoldenSample sample) throws IOException {
        Schema current = currentSchema(sample);
        Class<? extends SpecificRecord> type = ContractTypes.forFullName(current.getFullName()).orElseThrow();
        SpecificRecord fromJson = new SpecificDatumReader<SpecificRecord>(sample.writerSchema(), current,
                SpecificData.getForClass(type))
                .read(null, DecoderFactory.get().jsonDecoder(sample.writerSchema(), sample.json()));

        SpecificRecord decoded = sample.decoded();

        assertThat(decoded).isInstanceOf(type).isEqualTo(fromJson);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesOfTheCurrentSchema")
    void currentClassEncodesTheJsonToTheGoldenBytes(GoldenSample sample) throws IOException {
        Schema current = currentSchema(sample);
        Class<? extends SpecificRecord> type = ContractTypes.forFullName(current.getFullName()).orElseThrow();
        SpecificRecord fromJson = new SpecificDatumReader<SpecificRecord>(current, current,
                SpecificData.getForClass(type))
                .read(null, DecoderFactory.get().jsonDecoder(current, sample.json()));

        assertThat(AvroCodec.encodeSingleObject(fromJson)).isEqualTo(sample.bytes());
    }

    @Test
    void everyContractTypeHasAGoldenSampleForEachReleasedVersion() {
        List<String> expected = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : ContractTypes.all()) {
            Schema current = ContractTypes.schemaOf(type);
            int released = SchemaCatalog.load().releasedVersions(current.getFullName()).size();
            assertThat(released).as("%s released versions", current.getName()).isPositive();
            for (int version = 1; version <= released; version++) {
                expected.add(current.getName() + " v" + version);
            }
        }

        assertThat(GoldenSamples.all()).extracting(GoldenSample::toString).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void sampleIsTheNewestGoldenSampleDecodedIntoTheCurrentClass() {
        for (Class<? extends SpecificRecord> type : ContractTypes.all()) {
            Schema current = ContractTypes.schemaOf(type);
            int newest = SchemaCatalog.load().releasedVersions(current.getFullName()).size();

            SpecificRecord sample = GoldenSamples.sample(type);

            assertThat(sample).isInstanceOf(type)
                    .isEqualTo(AvroCodec.decode(GoldenSamples.bytes(current.getName(), newest)));
            assertThat(GoldenSamples.sampleOf(type)).isEqualTo(sample);
        }
    }

    private static Schema currentSchema(GoldenSample sample) {
        return SchemaCatalog.load().currentSchema(sample.writerSchema().getFullName()).orElseThrow();
    }
}
