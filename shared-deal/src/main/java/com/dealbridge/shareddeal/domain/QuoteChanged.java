package com.dealbridge.shareddeal.domain;

import java.util.Objects;

/** The CRM published a quote or changed it (purchase); carries the whole quote. */
public record QuoteChanged(EventHeader header, Quote quote) implements SharedDealEvent {

    public QuoteChanged {
        Objects.requireNonNull(quote, "quote");
    }

    @Override
    public QuoteChanged withHeader(EventHeader header) {
        return new QuoteChanged(header, quote);
    }
}
