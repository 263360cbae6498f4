package com.dealbridge.crm.rep;

import java.time.Instant;

/** A CRM user who works deals; only active reps authenticate and receive assignments. */
public record SalesRep(String id, String name, String email, boolean active, Instant createdAt) {
}
