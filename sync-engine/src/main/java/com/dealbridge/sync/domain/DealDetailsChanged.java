package com.dealbridge.sync.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One side changed deal details; only the changed fields are set (null = unchanged). */
public record DealDetailsChanged(EventHeader header, String dealName, BigDecimal amount, String currency,
                                 LocalDate closeDate) implements SharedDealEvent {
}
