package com.dealbridge.shareddeal.wire;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.sync.inbox.InvalidEventException;
import java.io.IOException;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Walks a received record's body along its writer schema before it is decoded, reading lengths and counts but
 * allocating nothing, and refuses a length or count that is negative or larger than the whole record. Avro's
 * decoder allocates what a length claims before it reads the bytes, so a record of a few dozen bytes claiming a
 * 2 GB string would take that much heap (an {@link OutOfMemoryError} on a small one, which stops the consumer)
 * instead of being dead-lettered as the garbage it is.
 */
final class AvroBounds {

    /** Deeper than any contract record nests. */
    private static final int MAX_DEPTH = 32;

    private final byte[] bytes;
    private final String name;
    private final BinaryDecoder in;
    /** Array and map items left: each takes at least one byte in every contract schema. */
    private long items;

    private AvroBounds(byte[] bytes, Schema writer, int headerLength) {
        this.bytes = bytes;
        this.name = writer.getName();
        this.in = DecoderFactory.get().binaryDecoder(bytes, headerLength, bytes.length - headerLength, null);
        this.items = bytes.length;
    }

    /**
     * Checks the body of a record in either framing (Confluent's, 5 header bytes; single-object, 10), along the
     * writer schema the codec resolves for it (from the registry's cache, or this build's catalog); a header in
     * neither framing, or a schema nobody knows, is left to the decoder to name.
     *
     * @throws InvalidEventException a length or count the record cannot hold, or a body shorter than its schema
     * @throws com.dealbridge.contracts.serde.SchemaRegistryUnavailableException the registry cannot be asked (the
     *     record is not at fault: it is retried)
     */
    static void check(byte[] bytes) {
        Optional<AvroCodec.Framed> framed = AvroCodec.writer(bytes);
        framed.ifPresent(f -> new AvroBounds(bytes, f.writer(), f.headerLength()).walk(f.writer(), 0));
    }

    private void walk(Schema schema, int depth) {
        if (depth > MAX_DEPTH) {
            throw refused("nests deeper than " + MAX_DEPTH + " levels");
        }
        try {
            switch (schema.getType()) {
                case NULL -> { }
                case BOOLEAN -> in.readBoolean();
                case INT -> in.readInt();
                case LONG -> in.readLong();
                case FLOAT -> in.readFloat();
                case DOUBLE -> in.readDouble();
                case STRING, BYTES -> in.skipFixed(length(in.readLong(), schema.getType() == Schema.Type.STRING
                        ? "string" : "bytes"));
                case FIXED -> in.skipFixed(schema.getFixedSize());
                case ENUM -> index(in.readEnum(), schema.getEnumSymbols().size(), "enum symbol");
                case UNION -> walk(schema.getTypes().get(index(in.readIndex(), schema.getTypes().size(),
                        "union branch")), depth + 1);
                case RECORD -> {
                    for (Schema.Field field : schema.getFields()) {
                        walk(field.schema(), depth + 1);
                    }
                }
                case ARRAY -> {
                    for (long n = count(in.readArrayStart()); n > 0; n = count(in.arrayNext())) {
                        for (long i = 0; i < n; i++) {
                            walk(schema.getElementType(), depth + 1);
                        }
                    }
                }
                case MAP -> {
                    for (long n = count(in.readMapStart()); n > 0; n = count(in.mapNext())) {
                        for (long i = 0; i < n; i++) {
                            in.skipFixed(length(in.readLong(), "map key"));
                            walk(schema.getValueType(), depth + 1);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidEventException invalid) {
                throw invalid;
            }
            throw refused("does not match its writer schema (" + e + ")");
        }
    }

    private int length(long length, String what) {
        if (length < 0 || length > bytes.length) {
            throw refused("claims a " + what + " of " + length + " bytes");
        }
        return (int) length;
    }

    private long count(long count) {
        items -= count;
        if (count < 0 || items < 0) {
            throw refused("claims more array or map items than it has bytes");
        }
        return count;
    }

    private int index(int index, int size, String what) {
        if (index < 0 || index >= size) {
            throw refused("names " + what + " " + index + " of " + size);
        }
        return index;
    }

    private InvalidEventException refused(String problem) {
        return new InvalidEventException("Body of " + name + " (" + bytes.length + " bytes) " + problem
                + ": not decoded");
    }
}
