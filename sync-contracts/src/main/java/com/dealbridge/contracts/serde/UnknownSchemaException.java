package com.dealbridge.contracts.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The bytes name a writer schema (by fingerprint) that this build's {@link SchemaCatalog} does not hold, typically
 * because the producer runs a newer sync-contracts than the consumer. The record goes to the dead-letter topic and can
 * be replayed once the consumer is upgraded.
 */
public class UnknownSchemaException extends SerializationException {

    private static final long serialVersionUID = 1L;

    private final long fingerprint;

    public UnknownSchemaException(long fingerprint) {
        super("Unknown Avro schema fingerprint " + hex(fingerprint)
                + ": not a released version of any contract known to this build"
                + " (is the producer on a newer sync-contracts than this consumer?)");
        this.fingerprint = fingerprint;
    }

    UnknownSchemaException(long fingerprint, String writerFullName) {
        super("Avro schema fingerprint " + hex(fingerprint) + " is " + writerFullName
                + ", which is no longer a contract message type of this build (see ContractTypes)");
        this.fingerprint = fingerprint;
    }

    /** The CRC-64-AVRO fingerprint read from the message header. */
    public long fingerprint() {
        return fingerprint;
    }

    /** Fingerprint as written in messages and logs: {@code 0x} and 16 lower-case hex digits. */
    public static String hex(long fingerprint) {
        return String.format("0x%016x", fingerprint);
    }
}
