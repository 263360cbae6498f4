package com.dealbridge.sync.domain;

/** Where a registration stands; only ACTIVE ones count against a partner's capacity. */
public enum DealStatus {
    ACTIVE,
    CLOSED_WON,
    CLOSED_LOST,
    WITHDRAWN;

    public boolean isActive() {
        return this == ACTIVE;
    }
}
