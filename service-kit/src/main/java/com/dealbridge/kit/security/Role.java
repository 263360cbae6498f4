package com.dealbridge.kit.security;

/** What a {@link Caller} is allowed to be. */
public enum Role {
    /** Holder of the configured admin token; only opens {@code /admin/**}. */
    ADMIN,
    /** A user of one partner (partner-service). */
    PARTNER_USER,
    /** A CRM user, e.g. a sales rep (crm-service). */
    CRM_USER
}
