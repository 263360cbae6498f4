package com.dealbridge.partner.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** The local copy of one CRM product; unitPrice kept as the exact decimal string. */
@Document("catalogue_products")
record CatalogueProductDocument(@Id String id, String name, String sku, String unitPrice, String currency,
        @Indexed boolean active, long revision, Instant changedAt) {

    CatalogueProduct toProduct() {
        return new CatalogueProduct(id, name, sku, new BigDecimal(unitPrice), currency, active, revision, changedAt);
    }
}
