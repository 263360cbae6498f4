package com.dealbridge.crm.product;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * {@code skuKey} (the upper-cased SKU) carries the unique index, so {@code plan-a} and {@code PLAN-A} cannot both
 * exist. The price is stored as its exact decimal string.
 */
@Document("products")
record ProductDocument(@Id String id, String name, String sku, @Indexed(unique = true) String skuKey,
        String unitPrice, String currency, @Indexed boolean active, long revision, Instant createdAt,
        Instant changedAt) {

    Product toProduct() {
        return new Product(id, name, sku, new BigDecimal(unitPrice), currency, active, revision, createdAt);
    }
}
