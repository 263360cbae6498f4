package com.dealbridge.sync.inbox;

/**
 * A received record that can never be applied as it is (undecodable, inconsistent, refused by this side's rules):
 * it goes to the dead-letter topic with this message as the reason, and the consumer goes on.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
