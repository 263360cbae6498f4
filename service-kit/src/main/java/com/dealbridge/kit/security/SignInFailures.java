package com.dealbridge.kit.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Failed sign-ins per e-mail address, in the store (so every instance counts the same): after
 * {@code max-failures} in a row the address is locked for {@code lockout}. Addresses are counted whether or not an
 * account has them, so a lock says nothing about which addresses exist. A successful sign-in clears the count.
 */
final class SignInFailures {

    @Document("sign_in_failures")
    record Failures(@Id String emailKey, int failures, Instant lockedUntil) {
    }

    private final Supplier<MongoOperations> mongo;
    private final SignInProperties properties;
    private final Clock clock;

    SignInFailures(Supplier<MongoOperations> mongo, SignInProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    boolean locked(String email) {
        Failures failures = mongo.get().findById(key(email), Failures.class);
        return failures != null && failures.lockedUntil() != null && clock.instant().isBefore(failures.lockedUntil());
    }

    /** Counts a failure (one atomic update); the one that reaches the limit locks the address and restarts the count. */
    void failed(String email) {
        Query address = Query.query(Criteria.where("_id").is(key(email)));
        Failures counted = mongo.get().findAndModify(address, new Update().inc("failures", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Failures.class);
        if (counted != null && counted.failures() >= properties.maxFailures()) {
            mongo.get().updateFirst(address, new Update().set("failures", 0)
                    .set("lockedUntil", clock.instant().plus(properties.lockout())), Failures.class);
        }
    }

    void succeeded(String email) {
        mongo.get().remove(Query.query(Criteria.where("_id").is(key(email))), Failures.class);
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
