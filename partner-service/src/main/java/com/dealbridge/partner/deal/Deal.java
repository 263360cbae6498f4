package com.dealbridge.partner.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A deal in a partner's account; whether it is registered (shared) is derived from the shared deals. */
public record Deal(String id, String partnerId, String name, BigDecimal amount, String currency, LocalDate closeDate,
        List<String> contactIds, List<String> companyIds, Instant createdAt) {
}
