package com.dealbridge.sync.wire;

/** An event that decodes but makes no sense (missing fields, bad values): retrying cannot help. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
