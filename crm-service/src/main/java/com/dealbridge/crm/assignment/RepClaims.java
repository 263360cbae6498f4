package com.dealbridge.crm.assignment;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Which rep a shared deal is assigned to, decided once in the store so that every crm-service instance agrees: one
 * document per deal in {@code rep_assignments} ({@code {_id: sharedDealId, repId, at}}). The first instance to insert
 * it wins (the {@code _id} is unique); an instance that loses reads the winner's rep and records that one, so a deal
 * never gets two reps, and a crash between the claim and the assignment event leaves a claim the sweep follows up
 * (on any instance). Only a claim of a rep no longer active is replaced, by a conditional update on that rep.
 */
final class RepClaims {

    static final String COLLECTION = "rep_assignments";

    private final MongoCollection<Document> claims;
    private final Clock clock;

    RepClaims(MongoOperations mongo, Clock clock) {
        this.claims = mongo.getCollection(COLLECTION);
        this.clock = clock;
    }

    /** The rep claimed for the deal, if any instance claimed one. */
    Optional<String> claimed(String sharedDealId) {
        return Optional.ofNullable(claims.find(Filters.eq("_id", sharedDealId)).first())
                .map(claim -> claim.getString("repId"));
    }

    /** Claims {@code repId} for the deal. @return the deal's rep: this one, or the one another instance claimed */
    String claim(String sharedDealId, String repId) {
        try {
            claims.insertOne(new Document("_id", sharedDealId).append("repId", repId)
                    .append("at", Date.from(clock.instant())));
            return repId;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return claimed(sharedDealId).orElseThrow(() -> new IllegalStateException(
                    "the rep claim of " + sharedDealId + " vanished"));
        }
    }

    /**
     * Replaces the claim of {@code staleRepId} (a rep no longer active) with {@code repId}, unless another instance
     * replaced it first. @return the deal's rep after the attempt
     */
    String replace(String sharedDealId, String staleRepId, String repId) {
        claims.updateOne(Filters.and(Filters.eq("_id", sharedDealId), Filters.eq("repId", staleRepId)),
                Updates.combine(Updates.set("repId", repId), Updates.set("at", Date.from(clock.instant()))));
        return claimed(sharedDealId).orElseGet(() -> claim(sharedDealId, repId));
    }
}
