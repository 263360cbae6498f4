package com.dealbridge.contracts.serde;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes contract messages. Writing is Confluent's wire format (magic {@code 0}, the 4-byte schema id
 * the registry gave the schema, the Avro binary body) through Apicurio's serde (docs/adr/0011). Reading dispatches on
 * the first byte: {@code 0} is resolved through the registry, {@code C3} is Avro single-object encoding against this
 * build's {@link SchemaCatalog} (records written before the switch, still on the topics), anything else is refused.
 * Any released version of a schema decodes into the current generated class.
 *
 * <p>The registry is one per JVM, because this facade is called from code that has no Spring context at hand (the
 * outbox writers, the topic publishers): the services call {@link #useRegistry} at startup from
 * {@code dealbridge.schema-registry.url}; otherwise the first use reads the system property
 * {@code dealbridge.schema-registry.url} or the environment variable {@code SCHEMA_REGISTRY_URL}. Thread-safe.
 */
public final class AvroCodec {

    /** System property naming the registry's base URL, e.g. {@code http://127.0.0.1:8085}. */
    public static final String REGISTRY_URL_PROPERTY = "dealbridge.schema-registry.url";
    /** Environment variable with the same meaning, read when the property is not set. */
    public static final String REGISTRY_URL_ENV = "SCHEMA_REGISTRY_URL";
    /** System property: register a missing schema on first send (tests and demos; production registers at deploy). */
    public static final String AUTO_REGISTER_PROPERTY = "dealbridge.schema-registry.auto-register";

    private static final byte SINGLE_OBJECT_MARKER = (byte) 0xC3;
    private static final SingleObjectCodec SINGLE_OBJECT = new SingleObjectCodec(SchemaCatalog.load());
    private static volatile ConfluentCodec registry;

    private AvroCodec() {
    }

    /**
     * Points this JVM's codec at a registry. Calling it again with the same settings keeps the caches.
     *
     * @param baseUrl the registry's base URL (Apicurio's API is under {@code /apis/registry/v2}, the Confluent one under
     *     {@code /apis/ccompat/v7})
     */
    public static synchronized void useRegistry(URI baseUrl, boolean autoRegister) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        ConfluentCodec current = registry;
        if (current == null || !current.registry().equals(baseUrl) || current.autoRegister() != autoRegister) {
            registry = new ConfluentCodec(baseUrl, autoRegister);
        }
    }

    /** The registry in use, if one is configured (or configurable from the environment). */
    public static Optional<URI> registryUrl() {
        return configured().map(ConfluentCodec::registry);
    }

    /**
     * Confluent wire format of a message with its current schema, whose id the registry is asked once per JVM.
     *
     * @param record an instance of one of {@link ContractTypes#all()}
     * @throws org.apache.kafka.common.errors.SerializationException if the record is not a contract message type,
     *     cannot be encoded (e.g. a required field is null) or its schema is not registered
     * @throws SchemaRegistryUnavailableException if the registry cannot be asked
     */
    public static byte[] encode(SpecificRecord record) {
        Objects.requireNonNull(record, "record");
        SINGLE_OBJECT.requireMessageType(record);
        return connected().encode(record);
    }

    /**
     * Avro single-object encoding of a message, the framing used before the registry (golden samples, upgrade
     * tests). Nothing writes it to a topic any more.
     */
    public static byte[] encodeSingleObject(SpecificRecord record) {
        return SINGLE_OBJECT.encode(record);
    }

    /**
     * Decodes a message written with any released (or the current) version of its schema into the current class.
     *
     * @throws InvalidEventBytesException if the bytes are in neither framing or the body does not match
     * @throws UnknownSchemaException if the schema id or fingerprint is unknown
     * @throws SchemaRegistryUnavailableException if the registry cannot be asked (retry; the record is not at fault)
     */
    public static SpecificRecord decode(byte[] bytes) {
        if (bytes != null && bytes.length > 0 && bytes[0] == ConfluentCodec.MAGIC) {
            return connected().decode(bytes);
        }
        if (bytes != null && bytes.length > 0 && bytes[0] == SINGLE_OBJECT_MARKER) {
            return SINGLE_OBJECT.decode(bytes);
        }
        throw new InvalidEventBytesException("Neither Confluent's wire format (magic byte 0) nor Avro single-object"
                + " encoding (C3 01): " + SingleObjectCodec.describe(bytes));
    }

    /**
     * The writer schema a record names and where its body starts, without decoding the body: empty if the framing is
     * not recognised or the schema is unknown, which {@link #decode} then names.
     *
     * @throws SchemaRegistryUnavailableException if the registry cannot be asked
     */
    public static Optional<Framed> writer(byte[] bytes) {
        try {
            if (bytes != null && bytes.length > 0 && bytes[0] == ConfluentCodec.MAGIC) {
                int id = ConfluentCodec.schemaId(bytes);
                return Optional.of(new Framed(ConfluentCodec.HEADER_LENGTH, connected().writerSchema(id)));
            }
            return SchemaCatalog.load().writerSchema(SingleObjectCodec.fingerprint(bytes))
                    .map(schema -> new Framed(SingleObjectCodec.HEADER_LENGTH, schema));
        } catch (InvalidEventBytesException | UnknownSchemaException e) {
            return Optional.empty();
        }
    }

    /**
     * The writer-schema fingerprint in a single-object header, without decoding the body.
     *
     * @throws InvalidEventBytesException if the bytes are not single-object encoded
     */
    public static long fingerprint(byte[] bytes) {
        return SingleObjectCodec.fingerprint(bytes);
    }

    /** The registry schema id in a Confluent header. @throws InvalidEventBytesException if there is none */
    public static int schemaId(byte[] bytes) {
        return ConfluentCodec.schemaId(bytes);
    }

    /** A record's writer schema and the length of the framing before its Avro body. */
    public record Framed(int headerLength, Schema writer) {
    }

    private static Optional<ConfluentCodec> configured() {
        ConfluentCodec current = registry;
        if (current != null) {
            return Optional.of(current);
        }
        String url = System.getProperty(REGISTRY_URL_PROPERTY, System.getenv(REGISTRY_URL_ENV));
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        useRegistry(URI.create(url.trim()), Boolean.getBoolean(AUTO_REGISTER_PROPERTY));
        return Optional.of(registry);
    }

    private static ConfluentCodec connected() {
        return configured().orElseThrow(() -> new SchemaRegistryUnavailableException("No schema registry configured:"
                + " set " + REGISTRY_URL_PROPERTY + " (" + REGISTRY_URL_ENV + ")", null));
    }
}
