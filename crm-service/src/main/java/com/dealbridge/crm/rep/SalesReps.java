package com.dealbridge.crm.rep;

import com.dealbridge.kit.security.Tokens;
import com.dealbridge.kit.web.ConflictException;
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
import org.springframework.stereotype.Service;

/** The CRM's sales reps. */
@Service
public class SalesReps {

    private final MongoOperations mongo;

    SalesReps(MongoOperations mongo) {
        this.mongo = mongo;
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

    /** @throws ConflictException a rep with this e-mail (case-insensitive) exists */
    IssuedRep create(String name, String email) {
        String token = Tokens.newToken();
        String trimmedEmail = email.trim();
        SalesRepDocument rep = new SalesRepDocument(UUID.randomUUID().toString(), name.trim(), trimmedEmail,
                trimmedEmail.toLowerCase(Locale.ROOT), Tokens.hash(token), true,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try {
            mongo.insert(rep);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A sales rep with e-mail " + trimmedEmail + " already exists");
        }
        return new IssuedRep(rep.toRep(), token);
    }

    /** Only active reps authenticate. */
    Optional<SalesRep> activeByTokenHash(String tokenHash) {
        Query query = Query.query(Criteria.where("tokenHash").is(tokenHash).and("active").is(true));
        return Optional.ofNullable(mongo.findOne(query, SalesRepDocument.class)).map(SalesRepDocument::toRep);
    }

    /** A new rep with the token shown to the admin once. */
    record IssuedRep(SalesRep rep, String token) {
    }
}
