package com.dealbridge.kit.mongo;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reads references (contact, company, product ids) against a collection in one query: which are unknown, for
 * validation that names them all, and their names, for lists that show them.
 */
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

    /** The {@code name} of each document of {@code type} among {@code ids}, by id, in one query reading only those. */
    public static Map<String, String> namesOf(MongoOperations mongo, Class<?> type, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("_id", "name");
        mongo.find(query, Document.class, mongo.getCollectionName(type))
                .forEach(found -> names.put(found.getString("_id"), found.getString("name")));
        return names;
    }
}
