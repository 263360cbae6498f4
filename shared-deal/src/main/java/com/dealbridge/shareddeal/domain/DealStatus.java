package com.dealbridge.shareddeal.domain;

/** Where a registration stands; only ACTIVE ones count against a partner's capacity. */
public enum DealStatus {
    ACTIVE,
    CLOSED_WON,
    CLOSED_LOST,
    WITHDRAWN;

    /** Status follows the stage and the withdrawal, so it converges wherever they do. */
    public static DealStatus of(boolean withdrawn, Stage stage) {
        if (withdrawn) {
            return WITHDRAWN;
        }
        if (stage == Stage.CLOSED_WON) {
            return CLOSED_WON;
        }
        return stage == Stage.CLOSED_LOST ? CLOSED_LOST : ACTIVE;
    }

    public boolean isActive() {
        return this == ACTIVE;
    }

    /** Closed won or lost (a withdrawn registration is not closed: it is final). */
    public boolean isClosed() {
        return this == CLOSED_WON || this == CLOSED_LOST;
    }
}
