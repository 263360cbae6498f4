package com.dealbridge.crm.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A deal in the CRM.
 *
 * @param stage        a {@link com.dealbridge.shareddeal.domain.Stage} name
 * @param sharedDealId the shared deal this deal is synced with, or null while it is not shared
 */
public record CrmDeal(String id, String name, BigDecimal amount, String currency, LocalDate closeDate, String stage,
        List<String> contactIds, List<String> companyIds, String sharedDealId, Instant createdAt) {

    public boolean isShared() {
        return sharedDealId != null;
    }
}
