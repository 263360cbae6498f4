package com.dealbridge.shareddeal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A local edit of deal details; null fields are left as they are. */
public record DetailsChange(String dealName, BigDecimal amount, String currency, LocalDate closeDate) {

    public boolean isEmpty() {
        return dealName == null && amount == null && currency == null && closeDate == null;
    }
}
