package com.dealbridge.shareddeal.domain;

import java.math.BigDecimal;

/** One line of a quote: product, quantity, the unit price quoted and their product. */
public record QuoteLineItem(String productId, String productName, int quantity, BigDecimal unitPrice,
                            BigDecimal amount) {
}
