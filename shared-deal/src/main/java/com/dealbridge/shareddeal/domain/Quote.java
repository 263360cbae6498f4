package com.dealbridge.shareddeal.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** A quote the CRM attached to the shared deal; both sides see it. */
public record Quote(String id, String title, BigDecimal amount, String currency, QuoteStatus status,
                    List<QuoteLineItem> lineItems) {

    public Quote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        lineItems = lineItems == null ? List.of() : List.copyOf(lineItems);
    }

    public Quote withStatus(QuoteStatus newStatus) {
        return new Quote(id, title, amount, currency, newStatus, lineItems);
    }
}
