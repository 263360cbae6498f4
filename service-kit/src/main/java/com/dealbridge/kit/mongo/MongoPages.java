package com.dealbridge.kit.mongo;

import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

/** Reads one page of a collection, so a list endpoint costs one page of documents whatever the list's size. */
public final class MongoPages {

    private static final String ID = "_id";

    private MongoPages() {
    }

    /**
     * One page of the documents of {@code type} matching {@code filter}, and how many match in all. The store skips
     * and limits (nothing beyond the page is read into memory) and the total is a count query of its own.
     *
     * @param filter criteria only: no sort, skip or limit (those come from {@code order} and {@code paging})
     * @param order  the list's order; {@code _id} is added as the last key unless present, because among equal keys
     *               the store's order is arbitrary and may differ between two requests, so pages would repeat or
     *               skip documents
     */
    public static <D> ListResponse<D> find(MongoOperations mongo, Query filter, Sort order, Class<D> type,
                                           Paging paging) {
        long total = mongo.count(filter, type);
        if (total <= paging.offset()) {
            return ListResponse.of(List.of(), total, paging);
        }
        Query page = Query.of(filter).with(stable(order)).skip(paging.offset()).limit(paging.size());
        return ListResponse.of(mongo.find(page, type), total, paging);
    }

    static Sort stable(Sort order) {
        return order.getOrderFor(ID) != null ? order : order.and(Sort.by(ID));
    }
}
