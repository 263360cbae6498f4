package com.dealbridge.kit.mongo;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Checks references (contact, company, product ids) against a collection, for validation that names them all. */
public final class MongoIds {

    private MongoIds() {
    }

    /**
     * The ids among {@code ids} that no document of {@code type} has, in the order given: one query reading only
     * ids, however many are checked, so a request naming 100 ids costs what one naming a single id does.
     *
     * @param scope further criteria a document must meet to count (e.g. {@code partnerId} is the caller's, so
     *              another partner's record is reported exactly like a missing one), or null
     */
    public static Set<String> unknown(MongoOperations mongo, Class<?> type, Collection<String> ids, Criteria scope) {
        Set<String> unknown = new LinkedHashSet<>(ids);
        if (unknown.isEmpty()) {
            return unknown;
        }
        Query query = Query.query(Criteria.where("_id").in(unknown));
        if (scope != null) {
            query.addCriteria(scope);
        }
        query.fields().include("_id");
        mongo.find(query, Document.class, mongo.getCollectionName(type))
                .forEach(found -> unknown.remove(found.getString("_id")));
        return unknown;
    }
}
