package com.dealbridge.shareddeal.domain;

import java.util.UUID;

/** The identity both sides use for one shared deal; made by the side that registers it. */
public record SharedDealId(String value) {

    public SharedDealId {
        UUID.fromString(value); // rejects anything that is not a UUID
    }

    public static SharedDealId random() {
        return new SharedDealId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
