package com.dealbridge.shareddeal.domain;

/** A change the sync rules do not allow on this side (answered 409 at the edge). */
public class SyncRuleViolation extends RuntimeException {

    public SyncRuleViolation(String message) {
        super(message);
    }
}
