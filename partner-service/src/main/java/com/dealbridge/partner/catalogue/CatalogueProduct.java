package com.dealbridge.partner.catalogue;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product as the CRM last published it.
 *
 * @param active   false once retired: still named on existing deals, no longer offered
 * @param revision the CRM's revision; an older one never replaces a newer one
 */
record CatalogueProduct(String id, String name, String sku, BigDecimal unitPrice, String currency, boolean active,
        long revision, Instant changedAt) {
}
