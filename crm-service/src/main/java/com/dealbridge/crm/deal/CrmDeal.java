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
 * @param pipeline     {@code default} for the CRM's own deals; a shared deal's lands in
 *                     {@code dealbridge.crm.shared-deals.default-pipeline}
 */
public record CrmDeal(String id, String name, BigDecimal amount, String currency, LocalDate closeDate, String stage,
        List<String> contactIds, List<String> companyIds, String sharedDealId, Instant createdAt, String pipeline) {

    public boolean isShared() {
        return sharedDealId != null;
    }
}
