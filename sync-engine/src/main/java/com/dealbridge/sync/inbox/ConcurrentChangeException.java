package com.dealbridge.sync.inbox;

/** Another writer saved the aggregate meanwhile: reload and apply again (applying is idempotent). */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
