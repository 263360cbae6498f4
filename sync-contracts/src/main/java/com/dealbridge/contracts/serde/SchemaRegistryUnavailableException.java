package com.dealbridge.contracts.serde;

/**
 * The schema registry could not answer (down, unreachable, an error of its own). This is not a property of the record:
 * it is deliberately not a {@link org.apache.kafka.common.errors.SerializationException}, so a listener retries the
 * record instead of dead-lettering it, and a producer's send fails instead of writing something unreadable.
 */
public class SchemaRegistryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
