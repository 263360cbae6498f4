package com.dealbridge.contracts.serde;

import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes contract messages in Avro single-object encoding against this build's {@link SchemaCatalog}:
 * {@code C3 01}, the writer schema's 8-byte little-endian CRC-64-AVRO fingerprint, then the Avro binary body. No
 * schema registry is involved; any released version of a schema decodes into the current generated class.
 *
 * <p>Thread-safe and allocation-light (encoders and decoders are cached per class). Loading this class also registers
 * the generated package with Avro's class security validator, so no JVM flag is needed.
 */
public final class AvroCodec {

    private static final SingleObjectCodec CODEC = new SingleObjectCodec(SchemaCatalog.load());

    private AvroCodec() {
    }

    /**
     * Single-object encoding of a message with its current schema.
     *
     * @param record an instance of one of {@link ContractTypes#all()}
     * @throws org.apache.kafka.common.errors.SerializationException if the record is not a contract message type or
     *     cannot be encoded (e.g. a required field is null)
     */
    public static byte[] encode(SpecificRecord record) {
        return CODEC.encode(record);
    }

    /**
     * Decodes a message written with any released (or the current) version of its schema into the current class.
     *
     * @throws InvalidEventBytesException if the bytes are not single-object encoded or the body does not match
     * @throws UnknownSchemaException if the fingerprint is not in the catalog
     */
    public static SpecificRecord decode(byte[] bytes) {
        return CODEC.decode(bytes);
    }

    /**
     * The writer-schema fingerprint in the header, without decoding the body.
     *
     * @throws InvalidEventBytesException if the bytes are not single-object encoded
     */
    public static long fingerprint(byte[] bytes) {
        return SingleObjectCodec.fingerprint(bytes);
    }
}
