package com.dealbridge.contracts.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The bytes are not an Avro single-object encoded contract message (wrong marker, too short, or a body that does
 * not match its writer schema). Retrying cannot help: the record belongs on the dead-letter topic, and the
 * message of this exception is written there as the reason.
 */
public class InvalidEventBytesException extends SerializationException {

    private static final long serialVersionUID = 1L;

    public InvalidEventBytesException(String message) {
        super(message);
    }

    public InvalidEventBytesException(String message, Throwable cause) {
        super(message, cause);
    }
}
