package com.dealbridge.crm.rep;

import java.time.Instant;

/**
 * A CRM user who works deals; only active reps authenticate and receive assignments.
 *
 * @param admin also an admin of the workspace: signs in like any rep and opens its admin pages (never the
 *              {@code /admin/**} API, which takes the admin token only)
 */
public record SalesRep(String id, String name, String email, boolean active, Instant createdAt, boolean admin) {

    /** A rep who is not an admin. */
    public SalesRep(String id, String name, String email, boolean active, Instant createdAt) {
        this(id, name, email, active, createdAt, false);
    }
}
