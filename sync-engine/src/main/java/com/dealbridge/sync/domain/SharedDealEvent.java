package com.dealbridge.sync.domain;

/** A fact about a shared deal that one side decided and the other side applies. */
public interface SharedDealEvent {

    EventHeader header();

    /** The event type's name, as on the wire. */
    default String type() {
        return getClass().getSimpleName();
    }
}
