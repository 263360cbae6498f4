package com.dealbridge.crm.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a CRM deal is created from.
 *
 * @param currency   ISO 4217; null means {@code USD}
 * @param stage      a {@link com.dealbridge.shareddeal.domain.Stage} name; null means {@code APPOINTMENT_SCHEDULED}
 * @param contactIds CRM contacts; null means none
 * @param companyIds CRM companies; null means none
 * @param ownerId    an active sales rep; null means none
 */
public record NewCrmDeal(String name, BigDecimal amount, String currency, LocalDate closeDate, String stage,
        List<String> contactIds, List<String> companyIds, String ownerId) {
}
