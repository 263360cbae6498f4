package com.dealbridge.crm.product;

import com.dealbridge.kit.money.Money;
import com.dealbridge.kit.mongo.MongoIds;
import com.dealbridge.kit.mongo.MongoPages;
import com.dealbridge.kit.web.ConflictException;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.shareddeal.api.ProductNames;
import com.dealbridge.shareddeal.domain.Limits;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The CRM's product catalogue; every change is published to the products topic after the save. */
@Service
public class Products implements ProductNames {

    private final MongoOperations mongo;
    private final ProductsTopic topic;

    Products(MongoOperations mongo, ProductsTopic topic) {
        this.mongo = mongo;
        this.topic = topic;
    }

    public Optional<Product> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(id, ProductDocument.class)).map(ProductDocument::toProduct);
    }

    /** The ids that are not products of the catalogue (retired ones are known), in one query. */
    public Set<String> unknown(Collection<String> ids) {
        return MongoIds.unknown(mongo, ProductDocument.class, ids, null);
    }

    /** The products among {@code ids} by id, in one query (e.g. the line items of a quote). */
    public Map<String, Product> findAll(Collection<String> ids) {
        Map<String, Product> products = new HashMap<>();
        if (!ids.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(ids)), ProductDocument.class)
                    .forEach(product -> products.put(product.id(), product.toProduct()));
        }
        return products;
    }

    /** Names by id for the known ones among {@code ids}, in one query. */
    @Override
    public Map<String, String> namesOf(Collection<String> ids) {
        return MongoIds.namesOf(mongo, ProductDocument.class, ids);
    }

    /** One page of the active products, by name. */
    public ListResponse<Product> offered(Paging paging) {
        return MongoPages.find(mongo, Query.query(Criteria.where("active").is(true)), Sort.by("name", "_id"),
                ProductDocument.class, paging).map(ProductDocument::toProduct);
    }

    /**
     * @param currency null means USD
     * @throws UnprocessableException negative price, more than two decimals or fifteen integer digits, or an unknown
     *                                currency
     * @throws ConflictException      the SKU exists (case-insensitive)
     */
    Product create(String name, String sku, BigDecimal unitPrice, String currency) {
        String code = currency == null ? Money.DEFAULT_CURRENCY : currency;
        if (!Money.isCurrency(code)) {
            throw UnprocessableException.of("currency", "must be an ISO 4217 currency code such as USD");
        }
        Limits.amount(unitPrice).ifPresent(problem -> {
            throw UnprocessableException.of("unitPrice", problem);
        });
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String trimmedSku = sku.trim();
        ProductDocument product = new ProductDocument(UUID.randomUUID().toString(), name.trim(), trimmedSku,
                trimmedSku.toUpperCase(Locale.ROOT), Money.format(unitPrice), code, true, 1, now, now);
        try {
            mongo.insert(product);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A product with SKU " + trimmedSku + " already exists");
        }
        topic.publish(product);
        return product.toProduct();
    }
}
