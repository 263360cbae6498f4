package com.dealbridge.shareddeal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One side changed deal details; only the changed fields are set (null = unchanged). */
public record DealDetailsChanged(EventHeader header, String dealName, BigDecimal amount, String currency,
                                 LocalDate closeDate) implements SharedDealEvent {

    @Override
    public DealDetailsChanged withHeader(EventHeader header) {
        return new DealDetailsChanged(header, dealName, amount, currency, closeDate);
    }
}
