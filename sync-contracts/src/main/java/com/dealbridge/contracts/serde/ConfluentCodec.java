package com.dealbridge.contracts.serde;

import io.apicurio.registry.resolver.SchemaResolverConfig;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.rest.client.exception.NotFoundException;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.config.IdOption;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format (magic {@code 0}, the 4-byte big-endian schema id, the Avro binary body) written and read
 * by Apicurio's maintained serde against one registry (docs/adr/0011). The schema id is the registry's content id,
 * which is what its Confluent API hands out, so Confluent clients resolve the same id. Both directions cache: one
 * registry round trip per schema per instance, none per record. Thread-safe (the serde's resolver caches are, and
 * Avro's datum readers and writers are).
 *
 * <p>The serde resolves each schema's id once; after that the codec frames records itself with the id the serde
 * gave, and reads bodies with a datum reader per writer schema. The serde's own per-record path cost about 29 µs to
 * encode and 10 µs to decode a shared note, 20× and 6× the single-object codec (docs/benchmark-results.md).
 */
final class ConfluentCodec {

    static {
        ContractsTrust.register();
    }

    static final byte MAGIC = 0;
    static final int HEADER_LENGTH = 5;
    /** The serde's resolver needs a topic name; the subject does not depend on it (see ContractSubjectStrategy). */
    private static final String ANY_TOPIC = "dealbridge";

    private final URI registry;
    private final boolean autoRegister;
    private final AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
    private final AvroKafkaDeserializer<SpecificRecord> deserializer = new AvroKafkaDeserializer<>();
    /** The id the serde resolved for each message class's schema, on its first record. */
    private final Map<Class<?>, Integer> schemaIds = new ConcurrentHashMap<>();
    private final Map<Class<?>, DatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();
    /** Per writer schema id: reads that version's body into today's class. */
    private final Map<Integer, BodyReader> readers = new ConcurrentHashMap<>();

    /**
     * @param registry the registry's base URL, e.g. {@code http://127.0.0.1:8085}
     * @param autoRegister whether a schema the registry lacks is registered on first send (tests and demos only;
     *     production registers at deploy time)
     */
    ConfluentCodec(URI registry, boolean autoRegister) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.autoRegister = autoRegister;
        Map<String, Object> config = Map.of(
                SchemaResolverConfig.REGISTRY_URL, apiOf(registry),
                SerdeConfig.ENABLE_CONFLUENT_ID_HANDLER, true,
                SerdeConfig.ENABLE_HEADERS, false,
                SerdeConfig.USE_ID, IdOption.contentId.name(),
                SchemaResolverConfig.ARTIFACT_RESOLVER_STRATEGY, ContractSubjectStrategy.class.getName(),
                SchemaResolverConfig.AUTO_REGISTER_ARTIFACT, autoRegister,
                AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        serializer.configure(config, false);
        deserializer.configure(config, false);
    }

    /** Apicurio's own API under the base URL, which is what its serde talks to. */
    static String apiOf(URI registry) {
        String base = registry.toString().replaceAll("/+$", "");
        return base + "/apis/registry/v2";
    }

    URI registry() {
        return registry;
    }

    boolean autoRegister() {
        return autoRegister;
    }

    byte[] encode(SpecificRecord record) {
        Integer id = schemaIds.get(record.getClass());
        if (id == null) {
            byte[] bytes = serializeThroughSerde(record);
            schemaIds.put(record.getClass(), schemaId(bytes));
            return bytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(record.getClass(), type -> newWriter(record)).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            // Typically a required field left null; the message names the record so the producer's log is useful.
            throw new SerializationException("Cannot encode " + record.getSchema().getName() + ": " + e, e);
        }
        return out.toByteArray();
    }

    private static DatumWriter<SpecificRecord> newWriter(SpecificRecord record) {
        return new SpecificDatumWriter<>(record.getSchema(), SpecificData.getForClass(record.getClass()));
    }

    private byte[] serializeThroughSerde(SpecificRecord record) {
        try {
            return serializer.serialize(ANY_TOPIC, record);
        } catch (SerializationException e) {
            throw e;
        } catch (NotFoundException e) {
            throw new SerializationException("The schema registry at " + registry + " has no version of "
                    + record.getSchema().getFullName() + " equal to this build's: register the schemas"
                    + " (tools.RegisterSchemas) before deploying", e);
        } catch (RuntimeException e) {
            if (isRegistryFailure(e)) {
                throw new SchemaRegistryUnavailableException("Cannot reach the schema registry at " + registry
                        + " to look up " + record.getSchema().getFullName() + ": " + e, e);
            }
            throw new SerializationException("Cannot encode " + record.getSchema().getName() + ": " + e, e);
        }
    }

    SpecificRecord decode(byte[] bytes) {
        int id = schemaId(bytes);
        BodyReader reader = readers.get(id);
        if (reader == null) {
            // not computeIfAbsent: the registry may be asked, and a failure must not be cached
            reader = newReader(id);
            readers.put(id, reader);
        }
        try {
            return reader.datumReader().read(null, DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH,
                    bytes.length - HEADER_LENGTH, null));
        } catch (SecurityException e) {
            // A trust misconfiguration, not bad bytes: let it surface instead of dead-lettering every record.
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidEventBytesException("Body of " + reader.writerName() + " (schema id " + id + ", "
                    + bytes.length + " bytes) does not match its writer schema: " + e, e);
        }
    }

    /** Reader = the compiled-in class's schema, so every released version is resolved into today's class. */
    private BodyReader newReader(int id) {
        Schema writer = writerSchema(id);
        Class<? extends SpecificRecord> type = ContractTypes.forFullName(writer.getFullName())
                .orElseThrow(() -> UnknownSchemaException.forSchemaId(id, writer.getFullName()));
        return new BodyReader(writer.getName(),
                new SpecificDatumReader<>(writer, ContractTypes.schemaOf(type), SpecificData.getForClass(type)));
    }

    private record BodyReader(String writerName, DatumReader<SpecificRecord> datumReader) {
    }

    /** The writer schema registered under this id, from the deserializer's own cache. */
    Schema writerSchema(int id) {
        try {
            return deserializer.getSchemaResolver()
                    .resolveSchemaByArtifactReference(ArtifactReference.builder().contentId((long) id).build())
                    .getParsedSchema().getParsedSchema();
        } catch (NotFoundException e) {
            throw UnknownSchemaException.forSchemaId(id);
        } catch (RuntimeException e) {
            throw new SchemaRegistryUnavailableException("Cannot reach the schema registry at " + registry
                    + " to look up schema id " + id + ": " + e, e);
        }
    }

    /** The schema id in a Confluent header. */
    static int schemaId(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != MAGIC) {
            throw new InvalidEventBytesException("Not in Confluent's wire format: expected magic byte 0 followed by"
                    + " a 4-byte schema id, got " + (bytes == null ? "null" : bytes.length + " bytes"));
        }
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    /** Errors of the registry client rather than of the record (the client wraps I/O failures in its own type). */
    private static boolean isRegistryFailure(RuntimeException e) {
        return e instanceof io.apicurio.rest.client.error.ApicurioRestClientException;
    }
}
