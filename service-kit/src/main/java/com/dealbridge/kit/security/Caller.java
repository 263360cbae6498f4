package com.dealbridge.kit.security;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who sent the current request, as established by a bearer token or a page sign-in (kept in the session,
 * hence serializable).
 * Controllers declare a {@code Caller caller} parameter; other code may use {@link CurrentCaller}.
 *
 * @param role      never null
 * @param id        the user id (for the admin: {@code "admin"}), never null
 * @param partnerId the partner the user belongs to; set for {@link Role#PARTNER_USER} only, null otherwise
 * @param name      display name, may be null
 * @param email     may be null
 */
public record Caller(Role role, String id, String partnerId, String name, String email) implements Serializable {

    public Caller {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(id, "id");
        // A partner user without a partner (or another role with one) would break tenant isolation silently.
        if (role == Role.PARTNER_USER && (partnerId == null || partnerId.isBlank())) {
            throw new IllegalArgumentException("a partner user needs a partnerId");
        }
        if (role != Role.PARTNER_USER && partnerId != null) {
            throw new IllegalArgumentException("only partner users carry a partnerId, not " + role);
        }
    }

    /** The caller established by the admin token. */
    public static Caller admin() {
        return new Caller(Role.ADMIN, "admin", null, "Administrator", null);
    }

    public static Caller partnerUser(String id, String partnerId, String name, String email) {
        return new Caller(Role.PARTNER_USER, id, partnerId, name, email);
    }

    public static Caller crmUser(String id, String name, String email) {
        return new Caller(Role.CRM_USER, id, null, name, email);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isPartnerUser() {
        return role == Role.PARTNER_USER;
    }

    public boolean isCrmUser() {
        return role == Role.CRM_USER;
    }
}
