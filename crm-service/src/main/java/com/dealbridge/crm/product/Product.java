package com.dealbridge.crm.product;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A catalogue product.
 *
 * @param unitPrice exact, at most two decimals
 * @param active    false once retired: no longer offered, still readable on existing deals and quotes
 * @param revision  increases with every change; published with the product so consumers keep the newest
 */
public record Product(String id, String name, String sku, BigDecimal unitPrice, String currency, boolean active,
        long revision, Instant createdAt) {
}
