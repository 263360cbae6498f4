package com.dealbridge.contracts.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.contracts.golden.GoldenSample;
import com.dealbridge.contracts.golden.GoldenSamples;
import com.dealbridge.contracts.serde.ContractTypes;
import com.dealbridge.contracts.serde.SchemaCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rolling upgrade, one event type and released version at a time: while producers and consumers of two versions
 * run side by side, a consumer still built on a released schema reads what today's producer writes (writer = today,
 * reader = released) and today's consumer reads what a producer of the released version wrote (writer = released,
 * reader = today). Each read must keep every value both versions know and give the reader's default to what only
 * the reader knows — compared field by field, not just "it decoded". The bodies are plain Avro binary: which
 * framing carries them on the wire (single-object or Confluent's) does not take part in schema resolution.
 */
class RollingUpgradeTest {

    private static final SchemaCatalog CATALOG = SchemaCatalog.load();

    static Stream<Arguments> typesAndReleasedVersions() {
        List<Arguments> cases = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : ContractTypes.all()) {
            Schema current = ContractTypes.schemaOf(type);
            List<Schema> versions = CATALOG.releasedVersions(current.getFullName());
            for (int i = 0; i < versions.size(); i++) {
                cases.add(Arguments.of(current.getName() + " v" + (i + 1), current, versions.get(i)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} reads today's")
    @MethodSource("typesAndReleasedVersions")
    void aConsumerOnAReleasedSchemaReadsWhatTodaysProducerWrites(String version, Schema current, Schema released)
            throws IOException {
        GenericRecord written = todaysSample(current);

        GenericRecord read = read(write(written, current), current, released);

        assertSameValues(read, project(written, released), version);
    }

    @ParameterizedTest(name = "today's reads {0}")
    @MethodSource("typesAndReleasedVersions")
    void todaysConsumerReadsWhatAProducerOfAReleasedVersionWrote(String version, Schema current, Schema released)
            throws IOException {
        // what a producer of the released version writes of the same facts: the fields it knows
        GenericRecord writtenByOld = (GenericRecord) project(todaysSample(current), released);

        GenericRecord read = read(write(writtenByOld, released), released, current);

        assertSameValues(read, project(writtenByOld, current), version);
    }

    @Test
    void thereAreOlderVersionsToUpgradeFrom() {
        // otherwise the cases above would only ever read a version with itself
        assertThat(typesAndReleasedVersions().filter(a -> !a.get()[1].equals(a.get()[2])).count())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aValueLostInResolutionIsNoticed() throws IOException {
        Schema current = ContractTypes.schemaOf(ContractTypes.all().get(0));
        GenericRecord written = todaysSample(current);
        GenericRecord read = read(write(written, current), current, current);
        Schema.Field text = current.getFields().stream()
                .filter(f -> f.schema().getType() == Schema.Type.STRING).findFirst().orElseThrow();
        read.put(text.name(), "not what was written");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertSameValues(read, written, "tampered"))
                .isInstanceOf(AssertionError.class);
    }

    private static void assertSameValues(Object read, Object expected, String version) {
        // rendered, so String and Utf8 (old schemas lack the generator's java-string hint) compare as text
        assertThat(GenericData.get().toString(read)).as(version).isEqualTo(GenericData.get().toString(expected));
    }

    /** Today's golden sample of the type, as the raw generic record a producer of this build writes. */
    private static GenericRecord todaysSample(Schema current) throws IOException {
        List<Schema> versions = CATALOG.releasedVersions(current.getFullName());
        GoldenSample sample = GoldenSamples.find(current.getName(), versions.size()).orElseThrow(
                () -> new AssertionError("no golden sample of " + current.getName() + " v" + versions.size()));
        SpecificRecord decoded = sample.decoded();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(current).write(decoded, encoder);
        encoder.flush();
        return read(out.toByteArray(), current, current);
    }

    private static byte[] write(GenericRecord record, Schema writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writer).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static GenericRecord read(byte[] body, Schema writer, Schema reader) throws IOException {
        return new GenericDatumReader<GenericRecord>(writer, reader)
                .read(null, DecoderFactory.get().binaryDecoder(body, null));
    }

    /**
     * The value as a reader of {@code to} should see it: fields both schemas have keep their value, fields only
     * {@code to} has take its default — the outcome Avro's resolution promises, computed independently of it.
     */
    static Object project(Object value, Schema to) {
        if (value == null) {
            return null;
        }
        Schema target = to.getType() == Schema.Type.UNION ? branchFor(value, to) : to;
        if (value instanceof GenericRecord record) {
            GenericData.Record projected = new GenericData.Record(target);
            for (Schema.Field field : target.getFields()) {
                Schema.Field source = record.getSchema().getField(field.name());
                projected.put(field.pos(), source == null ? GenericData.get().getDefaultValue(field)
                        : project(record.get(source.pos()), field.schema()));
            }
            return projected;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(project(item, target.getElementType())));
            return new GenericData.Array<>(target, items);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> projected = new LinkedHashMap<>();
            map.forEach((k, v) -> projected.put(k.toString(), project(v, target.getValueType())));
            return projected;
        }
        if (value instanceof GenericEnumSymbol<?> symbol) {
            return new GenericData.EnumSymbol(target, symbol.toString());
        }
        return value;
    }

    private static Schema branchFor(Object value, Schema union) {
        for (Schema branch : union.getTypes()) {
            boolean fits = switch (branch.getType()) {
                case RECORD -> value instanceof GenericRecord r
                        && r.getSchema().getFullName().equals(branch.getFullName());
                case ARRAY -> value instanceof List<?>;
                case MAP -> value instanceof Map<?, ?>;
                case ENUM -> value instanceof GenericEnumSymbol<?> s
                        && s.getSchema().getFullName().equals(branch.getFullName());
                default -> false;
            };
            if (fits) {
                return branch;
            }
        }
        return union.getTypes().get(GenericData.get().resolveUnion(union, value));
    }
}
