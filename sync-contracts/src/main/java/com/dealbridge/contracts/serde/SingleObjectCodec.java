package com.dealbridge.contracts.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Avro single-object encoding (marker {@code C3 01}, 8-byte little-endian CRC-64-AVRO fingerprint, body) of contract
 * messages against one {@link SchemaCatalog}. {@link AvroCodec} is the public face with the build's catalog; tests
 * build instances with a catalog of their own. Thread-safe: Avro's message encoders and decoders are.
 */
final class SingleObjectCodec {

    static {
        ContractsTrust.register();
    }

    static final int HEADER_LENGTH = 10;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;
    private static final int HEX_PREVIEW_BYTES = 12;

    private final SchemaCatalog catalog;
    private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();
    private final Map<Class<?>, BinaryMessageDecoder<SpecificRecord>> decoders = new ConcurrentHashMap<>();

    SingleObjectCodec(SchemaCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    byte[] encode(SpecificRecord record) {
        Objects.requireNonNull(record, "record");
        Class<? extends SpecificRecord> type = messageType(record);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            encoders.computeIfAbsent(type, this::newEncoder).encode(record, out);
        } catch (IOException | RuntimeException e) {
            // Typically a required field left null; the message names the record so the producer's log is useful.
            throw new SerializationException("Cannot encode " + type.getSimpleName() + ": " + e, e);
        }
        return out.toByteArray();
    }

    SpecificRecord decode(byte[] bytes) {
        long fingerprint = fingerprint(bytes);
        Schema writer = catalog.writerSchema(fingerprint).orElseThrow(() -> new UnknownSchemaException(fingerprint));
        Class<? extends SpecificRecord> type = ContractTypes.forFullName(writer.getFullName())
                .orElseThrow(() -> new UnknownSchemaException(fingerprint, writer.getFullName()));
        try {
            return decoders.computeIfAbsent(type, this::newDecoder).decode(bytes);
        } catch (SecurityException e) {
            // A trust misconfiguration, not bad bytes: let it surface instead of dead-lettering every record.
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidEventBytesException("Body of " + writer.getName() + " (schema fingerprint "
                    + UnknownSchemaException.hex(fingerprint) + ", " + bytes.length
                    + " bytes) does not match its writer schema: " + e, e);
        }
    }

    /** Reads the writer-schema fingerprint from a single-object header without decoding the body. */
    static long fingerprint(byte[] bytes) {
        if (bytes == null) {
            throw new InvalidEventBytesException("Not Avro single-object encoded: no bytes (null)");
        }
        if (bytes.length < HEADER_LENGTH || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new InvalidEventBytesException("Not Avro single-object encoded: expected marker C3 01 followed by"
                    + " an 8-byte schema fingerprint, got " + bytes.length + " bytes starting " + hexPreview(bytes));
        }
        return ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** Refuses anything but a contract message class, the same check for both framings. */
    void requireMessageType(SpecificRecord record) {
        messageType(record);
    }

    /** The length and first bytes, for messages about bytes that are in no known framing. */
    static String describe(byte[] bytes) {
        return bytes == null ? "no bytes (null)" : bytes.length + " bytes starting " + hexPreview(bytes);
    }

    private static Class<? extends SpecificRecord> messageType(SpecificRecord record) {
        String fullName = record.getSchema().getFullName();
        return ContractTypes.forFullName(fullName)
                .filter(type -> type == record.getClass())
                .orElseThrow(() -> new SerializationException(record.getClass().getName()
                        + " is not a contract message type (only the classes in ContractTypes travel on topics)"));
    }

    private BinaryMessageEncoder<SpecificRecord> newEncoder(Class<?> type) {
        Schema schema = ContractTypes.schemaOf(type.asSubclass(SpecificRecord.class));
        return new BinaryMessageEncoder<>(SpecificData.getForClass(type), schema);
    }

    private BinaryMessageDecoder<SpecificRecord> newDecoder(Class<?> type) {
        // Reader = the compiled-in schema; writer schemas come from the catalog by fingerprint, so every released
        // version is resolved into today's class.
        Schema reader = ContractTypes.schemaOf(type.asSubclass(SpecificRecord.class));
        return new BinaryMessageDecoder<>(SpecificData.getForClass(type), reader, catalog.asSchemaStore());
    }

    private static String hexPreview(byte[] bytes) {
        if (bytes.length == 0) {
            return "(empty)";
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, HEX_PREVIEW_BYTES); i++) {
            if (i > 0) {
                hex.append(' ');
            }
            hex.append(String.format("%02x", bytes[i] & 0xff));
        }
        return bytes.length > HEX_PREVIEW_BYTES ? hex + " ..." : hex.toString();
    }
}
