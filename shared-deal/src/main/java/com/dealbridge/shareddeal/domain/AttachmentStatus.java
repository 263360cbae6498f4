package com.dealbridge.shareddeal.domain;

/** Where this side's copy of an attachment's bytes stands. */
public enum AttachmentStatus {
    /** Announced; chunks still arriving or not yet verified. Downloads answer 409. */
    TRANSFERRING,
    /** Stored on this side and hash-verified. */
    AVAILABLE,
    /** All chunks arrived but size or SHA-256 did not match; nothing is served. */
    FAILED
}
