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

    /** Closed won or lost (a withdrawn registration is not closed: it is final). */
    public boolean isClosed() {
        return this == CLOSED_WON || this == CLOSED_LOST;
    }
}
