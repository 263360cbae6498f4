package com.dealbridge.contracts.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The bytes name a writer schema that cannot be used: a schema id the registry does not know (Confluent framing), a
 * fingerprint this build's {@link SchemaCatalog} does not hold (single-object framing, typically a producer on a newer
 * sync-contracts), or a record that is no longer a contract message type. The record goes to the dead-letter topic
 * with this message as the reason and can be replayed once the cause is fixed.
 */
public class UnknownSchemaException extends SerializationException {

    private static final long serialVersionUID = 1L;

    /** Marks "no fingerprint": the bytes named a registry schema id instead. */
    private static final long NO_FINGERPRINT = 0L;

    private final long fingerprint;
    private final int schemaId;

    public UnknownSchemaException(long fingerprint) {
        super("Unknown Avro schema fingerprint " + hex(fingerprint)
                + ": not a released version of any contract known to this build"
                + " (is the producer on a newer sync-contracts than this consumer?)");
        this.fingerprint = fingerprint;
        this.schemaId = -1;
    }

    UnknownSchemaException(long fingerprint, String writerFullName) {
        super("Avro schema fingerprint " + hex(fingerprint) + " is " + writerFullName
                + ", which is no longer a contract message type of this build (see ContractTypes)");
        this.fingerprint = fingerprint;
        this.schemaId = -1;
    }

    private UnknownSchemaException(String message, int schemaId) {
        super(message);
        this.fingerprint = NO_FINGERPRINT;
        this.schemaId = schemaId;
    }

    /** A Confluent-framed record whose schema id the registry does not know (HTTP 404). */
    public static UnknownSchemaException forSchemaId(int schemaId) {
        return new UnknownSchemaException("Unknown schema id " + schemaId + ": the schema registry has no schema"
                + " with this id (was the record written against another registry?)", schemaId);
    }

    static UnknownSchemaException forSchemaId(int schemaId, String writerFullName) {
        return new UnknownSchemaException("Schema id " + schemaId + " is " + writerFullName
                + ", which is not a contract message type of this build (see ContractTypes)", schemaId);
    }

    /** The registry schema id read from a Confluent header, or -1 for a single-object record. */
    public int schemaId() {
        return schemaId;
    }

    /** The CRC-64-AVRO fingerprint read from a single-object header; 0 for a Confluent-framed record. */
    public long fingerprint() {
        return fingerprint;
    }

    /** Fingerprint as written in messages and logs: {@code 0x} and 16 lower-case hex digits. */
    public static String hex(long fingerprint) {
        return String.format("0x%016x", fingerprint);
    }
}
