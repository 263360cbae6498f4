package com.dealbridge.local;

/** Seeding could not finish; the message says which call failed and what the service answered. */
final class SeedingException extends Exception {

    SeedingException(String message) {
        super(message);
    }

    SeedingException(String message, Throwable cause) {
        super(message, cause);
    }
}
