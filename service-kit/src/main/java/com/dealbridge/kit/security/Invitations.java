package com.dealbridge.kit.security;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One-time invitation links that let a new user set a password: a random token shown once (in the admin's
 * answer), stored only as its hash, valid for {@code dealbridge.security.sign-in.invitation-ttl}, used up when the
 * password is set. A new invitation for a user replaces the earlier ones.
 */
public final class Invitations {

    public static final String PATH = "/invitations/";

    @Document("invitations")
    record InvitationDocument(@Id String tokenHash, @Indexed String userId, Instant expiresAt) {
    }

    /** @param url absolute; opening it shows the form that sets the password */
    public record Invitation(String url, Instant expiresAt) {
    }

    private final Supplier<MongoOperations> mongo;
    private final SignInProperties properties;
    private final Clock clock;

    Invitations(Supplier<MongoOperations> mongo, SignInProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new invitation for the user; earlier ones stop working. Call within the admin's request, or set base-url. */
    public Invitation issue(String userId) {
        String token = Tokens.newToken();
        Instant expiresAt = clock.instant().plus(properties.invitationTtl()).truncatedTo(ChronoUnit.MILLIS);
        mongo.get().remove(Query.query(Criteria.where("userId").is(userId)), InvitationDocument.class);
        mongo.get().insert(new InvitationDocument(Tokens.hash(token), userId, expiresAt));
        String base = properties.baseUrl() != null ? properties.baseUrl()
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return new Invitation(base + PATH + token, expiresAt);
    }

    /** Whether the link still works (shown before the user types a password). */
    boolean valid(String token) {
        return mongo.get().exists(usable(token), InvitationDocument.class);
    }

    /** Uses the invitation up, once (atomically, so two tabs cannot both use it). @return the invited user */
    Optional<String> redeem(String token) {
        return Optional.ofNullable(mongo.get().findAndRemove(usable(token), InvitationDocument.class))
                .map(InvitationDocument::userId);
    }

    private Query usable(String token) {
        return Query.query(Criteria.where("_id").is(Tokens.hash(token)).and("expiresAt").gt(clock.instant()));
    }
}
