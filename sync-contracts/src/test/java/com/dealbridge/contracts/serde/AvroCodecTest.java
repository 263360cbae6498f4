package com.dealbridge.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealbridge.contracts.avro.PersonRef;
import com.dealbridge.contracts.avro.SharedDealAssigned;
import com.dealbridge.contracts.golden.GoldenSamples;
import com.dealbridge.contracts.registry.RegistryProcess;
import com.dealbridge.contracts.tools.SchemaRegistration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AvroCodecTest {

    /** Ids per subject as a deployment registers them; registering again answers the same ids. */
    private static final Map<String, List<Integer>> REGISTERED =
            new SchemaRegistration(RegistryProcess.shared().ccompatApi()).registerAll();

    static Stream<Class<? extends SpecificRecord>> contractTypes() {
        return ContractTypes.all().stream();
    }

    @ParameterizedTest
    @MethodSource("contractTypes")
    void roundTripsASampleOfEveryContractType(Class<? extends SpecificRecord> type) {
        SpecificRecord sample = GoldenSamples.sample(type);

        SpecificRecord decoded = AvroCodec.decode(AvroCodec.encode(sample));

        assertThat(decoded).isInstanceOf(type).isEqualTo(sample).isNotSameAs(sample);
    }

    @ParameterizedTest
    @MethodSource("contractTypes")
    void writesMagicZeroAndTheIdTheRegistryGaveTheCurrentSchema(Class<? extends SpecificRecord> type) {
        byte[] bytes = AvroCodec.encode(GoldenSamples.sample(type));
        List<Integer> ids = REGISTERED.get(ContractTypes.schemaOf(type).getFullName());

        assertThat(bytes[0]).isZero();
        assertThat(AvroCodec.schemaId(bytes)).isEqualTo(ids.get(ids.size() - 1));
    }

    /** The codec frames records itself once the serde gave it a type's id; its bytes must be the serde's. */
    @ParameterizedTest
    @MethodSource("contractTypes")
    void framesEveryRecordAfterTheFirstExactlyAsApicuriosSerdeDoes(Class<? extends SpecificRecord> type) {
        ConfluentCodec codec = new ConfluentCodec(RegistryProcess.shared().baseUrl(), false);
        SpecificRecord sample = GoldenSamples.sample(type);

        byte[] throughSerde = codec.encode(sample);
        byte[] framedByCodec = codec.encode(sample);

        assertThat(framedByCodec).isEqualTo(throughSerde);
        assertThat(codec.decode(framedByCodec)).isEqualTo(sample);
        assertThat(codec.decode(framedByCodec)).isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("contractTypes")
    void readsARecordWrittenInSingleObjectEncodingBeforeTheSwitch(Class<? extends SpecificRecord> type) {
        byte[] old = AvroCodec.encodeSingleObject(GoldenSamples.sample(type));

        assertThat(Arrays.copyOf(old, 2)).containsExactly(0xC3, 0x01);
        assertThat(AvroCodec.decode(old)).isEqualTo(GoldenSamples.sample(type));
    }

    @Test
    void anIdTheRegistryDoesNotKnowIsAnUnknownSchemaNamingTheId() {
        byte[] bytes = AvroCodec.encode(GoldenSamples.sample(SharedDealAssigned.class));
        ByteBuffer.wrap(bytes, 1, 4).putInt(987654);

        assertThatThrownBy(() -> AvroCodec.decode(bytes))
                .isInstanceOf(UnknownSchemaException.class)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 987654")
                .satisfies(e -> assertThat(((UnknownSchemaException) e).schemaId()).isEqualTo(987654));
    }

    @Test
    void anUnreachableRegistryIsNotTheRecordsFault() throws IOException {
        byte[] bytes = AvroCodec.encode(GoldenSamples.sample(SharedDealAssigned.class));
        ConfluentCodec unreachable = new ConfluentCodec(URI.create("http://127.0.0.1:" + closedPort()), false);

        assertThatThrownBy(() -> unreachable.decode(bytes))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .isNotInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> unreachable.encode(GoldenSamples.sample(SharedDealAssigned.class)))
                .isInstanceOf(SchemaRegistryUnavailableException.class);
    }

    static Stream<Arguments> inNoKnownFraming() {
        byte[] valid = AvroCodec.encodeSingleObject(GoldenSamples.sample(SharedDealAssigned.class));
        return Stream.of(
                Arguments.of("text", "not an avro message".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("empty", new byte[0]),
                Arguments.of("marker only", new byte[] {(byte) 0xC3, 0x01}),
                Arguments.of("header cut short", Arrays.copyOf(valid, 7)),
                Arguments.of("wrong marker", replaceFirst(valid, (byte) 0xC2)),
                Arguments.of("magic byte only", new byte[] {0}),
                Arguments.of("schema id cut short", new byte[] {0, 0, 0, 1}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inNoKnownFraming")
    void rejectsBytesInNoKnownFraming(String description, byte[] bytes) {
        assertThatThrownBy(() -> AvroCodec.decode(bytes))
                .isInstanceOf(InvalidEventBytesException.class)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(bytes.length + " bytes");
    }

    @Test
    void rejectsATruncatedBodyNamingItsRecordAndSchemaId() {
        byte[] valid = AvroCodec.encode(GoldenSamples.sample(SharedDealAssigned.class));
        byte[] truncated = Arrays.copyOf(valid, valid.length - 20);

        assertThatThrownBy(() -> AvroCodec.decode(truncated))
                .isInstanceOf(InvalidEventBytesException.class)
                .hasMessageContaining("SharedDealAssigned")
                .hasMessageContaining("schema id " + AvroCodec.schemaId(valid));
    }

    @Test
    void rejectsATruncatedSingleObjectBodyNamingItsRecord() {
        byte[] valid = AvroCodec.encodeSingleObject(GoldenSamples.sample(SharedDealAssigned.class));
        byte[] truncated = Arrays.copyOf(valid, valid.length - 20);

        assertThatThrownBy(() -> AvroCodec.decode(truncated))
                .isInstanceOf(InvalidEventBytesException.class)
                .hasMessageContaining("SharedDealAssigned")
                .hasMessageContaining(UnknownSchemaException.hex(AvroCodec.fingerprint(valid)));
    }

    @Test
    void refusesToEncodeATypeThatIsNotAContractMessage() {
        PersonRef nested = new PersonRef("p-1", "Nested Only", "nested@example.com");

        assertThatThrownBy(() -> AvroCodec.encode(nested))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("PersonRef is not a contract message type");
    }

    @Test
    void encodingARecordWithAMissingRequiredFieldNamesTheRecord() {
        SharedDealAssigned incomplete = new SharedDealAssigned();
        incomplete.setRep(new PersonRef("r-1", "Rep", "rep@example.com"));

        assertThatThrownBy(() -> AvroCodec.encode(incomplete))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot encode SharedDealAssigned");
    }

    @Test
    void encodesAndDecodesFromManyThreadsAtOnce() throws Exception {
        List<SpecificRecord> samples = ContractTypes.all().stream().map(GoldenSamples::sample).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Set<SpecificRecord>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    List<SpecificRecord> seen = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        seen.add(AvroCodec.decode(AvroCodec.encode(samples.get(i % samples.size()))));
                    }
                    return seen.stream().collect(Collectors.toSet());
                }));
            }
            for (Future<Set<SpecificRecord>> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).containsExactlyInAnyOrderElementsOf(samples);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void decodesInAJvmWithoutTheTrustedPackagesProperty() throws Exception {
        // The Surefire JVM has -Dorg.apache.avro.SERIALIZABLE_PACKAGES and Avro reads it once at class load, so the
        // in-code registration can only be proven in a fresh JVM without it.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-D" + AvroCodec.REGISTRY_URL_PROPERTY + "=" + RegistryProcess.shared().baseUrl(),
                "-cp", classpath, UntrustedJvmDecodeCheck.class.getName())
                .redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        } finally {
            process.destroyForcibly();
        }

        assertThat(output)
                .contains("plain Avro refused: java.lang.SecurityException")
                .contains("AvroCodec decoded: " + ContractTypes.all().size());
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static Schema withoutFields(Schema schema, String... dropped) {
        List<String> drop = List.of(dropped);
        List<Schema.Field> kept = schema.getFields().stream()
                .filter(field -> !drop.contains(field.name()))
                .map(field -> new Schema.Field(field, field.schema()))
                .toList();
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, kept);
    }

    /** What a producer still on {@code older} would have written for the same deal. */
    private static byte[] encodeAs(Schema older, SpecificRecord record) throws IOException {
        byte[] single = AvroCodec.encodeSingleObject(record);
        byte[] currentBody = Arrays.copyOfRange(single, SingleObjectCodec.HEADER_LENGTH, single.length);
        GenericRecord projected = new GenericDatumReader<GenericRecord>(record.getSchema(), older)
                .read(null, DecoderFactory.get().binaryDecoder(currentBody, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(projected, out);
        return out.toByteArray();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static byte[] replaceFirst(byte[] bytes, byte first) {
        byte[] copy = bytes.clone();
        copy[0] = first;
        return copy;
    }
}
