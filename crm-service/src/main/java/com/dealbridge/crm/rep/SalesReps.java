package com.dealbridge.crm.rep;

import com.dealbridge.kit.mongo.MongoPages;
import com.dealbridge.kit.security.UserTokens;
import com.dealbridge.kit.web.ConflictException;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.Paging;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The CRM's sales reps. */
@Service
public class SalesReps {

    private final MongoOperations mongo;
    private final UserTokens tokens;

    SalesReps(MongoOperations mongo, UserTokens tokens) {
        this.mongo = mongo;
        this.tokens = tokens;
    }

    /** Active reps, oldest first (then by id): a stable order for deterministic tie-breaks. */
    public List<SalesRep> active() {
        return mongo.find(Query.query(Criteria.where("active").is(true)).with(Sort.by("createdAt", "_id")),
                SalesRepDocument.class).stream().map(SalesRepDocument::toRep).toList();
    }

    public Optional<SalesRep> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(id, SalesRepDocument.class)).map(SalesRepDocument::toRep);
    }

    /**
     * @param admin also an admin of the workspace's pages
     * @throws ConflictException a rep with this e-mail (case-insensitive) exists
     */
    IssuedRep create(String name, String email, boolean admin) {
        UserTokens.Issued token = tokens.issue();
        String trimmedEmail = email.trim();
        SalesRepDocument rep = new SalesRepDocument(UUID.randomUUID().toString(), name.trim(), trimmedEmail,
                trimmedEmail.toLowerCase(Locale.ROOT), token.hash(), true,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), token.expiresAt(), null, admin);
        try {
            mongo.insert(rep);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A sales rep with e-mail " + trimmedEmail + " already exists");
        }
        return new IssuedRep(rep.toRep(), token);
    }

    /** One page of all reps, oldest first (then by id). */
    ListResponse<SalesRep> page(Paging paging) {
        return MongoPages.find(mongo, new Query(), Sort.by("createdAt", "_id"), SalesRepDocument.class, paging)
                .map(SalesRepDocument::toRep);
    }

    /** Only active reps authenticate, with a valid token (not expired, not replaced, not revoked). */
    Optional<SalesRep> activeByTokenHash(String tokenHash) {
        Query query = Query.query(Criteria.where(UserTokens.HASH).is(tokenHash).and("active").is(true));
        return Optional.ofNullable(mongo.findOne(query, SalesRepDocument.class))
                .filter(rep -> tokens.valid(rep.tokenExpiresAt(), rep.createdAt()))
                .map(SalesRepDocument::toRep);
    }

    /** Active reps with this e-mail address (case-insensitive): at most one, the address is unique. */
    List<SalesRepDocument> activeByEmail(String email) {
        return mongo.find(Query.query(Criteria.where("emailKey").is(email.trim().toLowerCase(Locale.ROOT))
                .and("active").is(true)), SalesRepDocument.class);
    }

    /** Stores the rep's encoded page password. @return whether the rep exists */
    boolean setPassword(String repId, String encodedPassword) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(repId)),
                Update.update("passwordHash", encodedPassword), SalesRepDocument.class).getMatchedCount() == 1;
    }

    /** A new token for the rep; the old one stops working. @throws NotFoundException no such rep */
    IssuedRep replaceToken(String repId) {
        UserTokens.Issued token = tokens.replace(Query.query(Criteria.where("_id").is(repId)),
                SalesRepDocument.class);
        if (token == null) {
            throw new NotFoundException("Sales rep " + repId + " not found");
        }
        return new IssuedRep(find(repId).orElseThrow(), token);
    }

    /** The rep's token stops working. @throws NotFoundException no such rep */
    void revokeToken(String repId) {
        if (!tokens.revoke(Query.query(Criteria.where("_id").is(repId)), SalesRepDocument.class)) {
            throw new NotFoundException("Sales rep " + repId + " not found");
        }
    }

    /** A rep with the token shown to the admin once. */
    record IssuedRep(SalesRep rep, UserTokens.Issued token) {
    }
}
