package com.dealbridge.partner.catalogue;

import com.dealbridge.kit.mongo.MongoIds;
import com.dealbridge.kit.mongo.MongoPages;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.shareddeal.api.ProductNames;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The product catalogue received from the CRM over the compacted products topic. It is a read model: only the
 * listener writes it, and an older revision never overwrites a newer one (redelivery, republish at start-up).
 */
@Service
public class Catalogue implements ProductNames {

    private static final Logger log = LoggerFactory.getLogger(Catalogue.class);

    private final MongoOperations mongo;

    Catalogue(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * The ids the CRM never published. Retired products are known: they may stay in a deal's product interest.
     */
    public Set<String> unknown(Collection<String> productIds) {
        return MongoIds.unknown(mongo, CatalogueProductDocument.class, productIds, null);
    }

    /** Names by id for the known ones among {@code ids} (retired included), in one query. */
    @Override
    public Map<String, String> namesOf(Collection<String> ids) {
        return MongoIds.namesOf(mongo, CatalogueProductDocument.class, ids);
    }

    /** One page of what the partner may choose from: the active products, by name. */
    ListResponse<CatalogueProduct> offered(Paging paging) {
        return MongoPages.find(mongo, Query.query(Criteria.where("active").is(true)), Sort.by("name", "_id"),
                CatalogueProductDocument.class, paging).map(CatalogueProductDocument::toProduct);
    }

    /**
     * Stores the product unless a revision at least as new is already stored. One atomic upsert: when the filter
     * (same id, older revision) matches nothing because a newer revision exists, the insert collides on the id.
     *
     * @return whether the product was stored
     */
    boolean apply(CatalogueProduct product) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(product.id()).and("revision").lt(product.revision()));
        Update update = new Update()
                .set("name", product.name())
                .set("sku", product.sku())
                .set("unitPrice", product.unitPrice().toPlainString())
                .set("currency", product.currency())
                .set("active", product.active())
                .set("revision", product.revision())
                .set("changedAt", product.changedAt());
        try {
            mongo.upsert(olderOrMissing, update, CatalogueProductDocument.class);
            return true;
        } catch (DuplicateKeyException e) {
            log.debug("ignored product {} revision {}: a newer one is stored", product.id(), product.revision());
            return false;
        }
    }
}
