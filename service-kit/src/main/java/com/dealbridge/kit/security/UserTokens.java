package com.dealbridge.kit.security;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The lifecycle of the user tokens a service issues, kept on the user's own document as {@code tokenHash} and
 * {@code tokenExpiresAt}: issued with an expiry ({@code dealbridge.security.token-ttl}), replaced (the old one
 * stops working), revoked. Both services store their users this way, so both use this.
 */
public final class UserTokens {

    public static final String HASH = "tokenHash";
    public static final String EXPIRES_AT = "tokenExpiresAt";

    private final Supplier<MongoOperations> mongo;
    private final SecurityProperties properties;
    private final CallerCache callers;
    private final Clock clock;

    /** @param mongo the service's store, looked up when first needed (the kit does not require one) */
    public UserTokens(Supplier<MongoOperations> mongo, SecurityProperties properties, CallerCache callers,
                      Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.callers = callers;
        this.clock = clock;
    }

    /** A new token, shown once: its hash and expiry go on the user's document. */
    public record Issued(String token, String hash, Instant expiresAt) {
    }

    public Issued issue() {
        String token = Tokens.newToken();
        return new Issued(token, Tokens.hash(token), now().plus(properties.tokenTtl()));
    }

    /**
     * Gives the user found by {@code user} a new token; the old one is refused from now on (on other instances
     * within {@code caller-cache-ttl}). @return the new token, or null when no such user exists
     */
    public Issued replace(Query user, Class<?> documentType) {
        Issued issued = issue();
        boolean found = mongo.get().updateFirst(user, new Update().set(HASH, issued.hash())
                .set(EXPIRES_AT, issued.expiresAt()), documentType).getMatchedCount() == 1;
        callers.forgetAll();
        return found ? issued : null;
    }

    /** The user's token stops working. @return whether such a user exists */
    public boolean revoke(Query user, Class<?> documentType) {
        boolean found = mongo.get().updateFirst(user, new Update().set(HASH, Tokens.revokedHash()).set(EXPIRES_AT, now()),
                documentType).getMatchedCount() == 1;
        callers.forgetAll();
        return found;
    }

    /**
     * Whether a stored token is still valid. Users stored before tokens expired have no expiry: theirs counts from
     * the user's creation.
     */
    public boolean valid(Instant expiresAt, Instant createdAt) {
        Instant expiry = expiresAt != null ? expiresAt
                : (createdAt == null ? Instant.EPOCH : createdAt).plus(properties.tokenTtl());
        return now().isBefore(expiry);
    }

    /** Mongo keeps milliseconds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
