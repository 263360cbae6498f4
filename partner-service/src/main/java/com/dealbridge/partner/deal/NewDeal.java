package com.dealbridge.partner.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a partner deal is created from.
 *
 * @param currency   ISO 4217; null means {@code USD}
 * @param contactIds contacts of the same partner; null means none
 * @param companyIds companies of the same partner; null means none
 */
public record NewDeal(String name, BigDecimal amount, String currency, LocalDate closeDate, List<String> contactIds,
        List<String> companyIds) {
}
