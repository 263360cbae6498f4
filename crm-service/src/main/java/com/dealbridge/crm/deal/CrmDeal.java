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
 * @param ownerId      the sales rep who owns the deal: its creator unless another was named, and a shared deal's
 *                     assigned rep once it has one; null for a deal with no owner (created by the admin token, or
 *                     before deals had owners)
 */
public record CrmDeal(String id, String name, BigDecimal amount, String currency, LocalDate closeDate, String stage,
        List<String> contactIds, List<String> companyIds, String sharedDealId, Instant createdAt, String pipeline,
        String ownerId) {

    public boolean isShared() {
        return sharedDealId != null;
    }
}
