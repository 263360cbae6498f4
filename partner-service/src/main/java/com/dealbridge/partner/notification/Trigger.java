package com.dealbridge.partner.notification;

/**
 * An event that the partner is notified about, reduced to what the message needs.
 *
 * @param kind     what happened
 * @param detail   the kind's detail (the rep's name, the note's text), or null
 * @param dealName the deal's name as the event states it (a registration), or null: the replica knows it
 */
record Trigger(NotificationKind kind, String detail, String dealName) {

    static Trigger of(NotificationKind kind, String detail) {
        return new Trigger(kind, detail, null);
    }
}
