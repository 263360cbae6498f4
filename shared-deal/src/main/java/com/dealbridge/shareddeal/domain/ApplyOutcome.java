package com.dealbridge.shareddeal.domain;

/** What happened when a remote event reached the replica. */
public enum ApplyOutcome {
    /** Applied and the high-water mark raised. */
    APPLIED,
    /** Already applied before (sequence at or below the high-water mark): nothing changed. */
    DUPLICATE,
    /** An earlier event of the same origin is missing: the event must be parked, never skipped. */
    GAP
}
