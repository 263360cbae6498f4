package com.dealbridge.crm.rep;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * {@code emailKey} is the lower-cased e-mail, unique: one rep per address. The token is kept only as a hash;
 * {@code passwordHash} is the pages' password as the kit's encoder wrote it, null until the invitation is accepted.
 * {@code admin} is null on reps stored before it existed: not an admin.
 */
@Document("sales_reps")
record SalesRepDocument(@Id String id, String name, String email, @Indexed(unique = true) String emailKey,
        @Indexed(unique = true) String tokenHash, @Indexed boolean active, Instant createdAt, Instant tokenExpiresAt,
        String passwordHash, Boolean admin) {

    SalesRep toRep() {
        return new SalesRep(id, name, email, active, createdAt, isAdmin());
    }

    boolean isAdmin() {
        return Boolean.TRUE.equals(admin);
    }
}
