package com.dealbridge.shareddeal.domain;

/** The deal pipeline stages both sides agree on. */
public enum Stage {
    APPOINTMENT_SCHEDULED,
    QUALIFIED_TO_BUY,
    PRESENTATION_SCHEDULED,
    DECISION_MAKER_BOUGHT_IN,
    CONTRACT_SENT,
    CLOSED_WON,
    CLOSED_LOST;

    public boolean isClosed() {
        return this == CLOSED_WON || this == CLOSED_LOST;
    }
}
