package com.dealbridge.crm.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Amount and close date are stored as strings: exact decimals without relying on a BigDecimal mapping default,
 * and a calendar date that no time-zone conversion can shift by a day. {@code pipeline} is null on documents
 * written before deals had one: read as the shared-deal pipeline when the deal is shared, else as the CRM's own.
 */
@Document("deals")
record CrmDealDocument(@Id String id, String name, String amount, String currency, String closeDate, String stage,
        List<String> contactIds, List<String> companyIds, @Indexed String sharedDealId, @Indexed Instant createdAt,
        Instant updatedAt, String pipeline, @Indexed String ownerId) {

    CrmDeal toDeal(String sharedDealPipeline) {
        String shown = pipeline != null ? pipeline : sharedDealId != null ? sharedDealPipeline : CrmDeals.OWN_PIPELINE;
        return new CrmDeal(id, name, new BigDecimal(amount), currency, LocalDate.parse(closeDate), stage,
                contactIds == null ? List.of() : contactIds, companyIds == null ? List.of() : companyIds,
                sharedDealId, createdAt, shown, ownerId);
    }
}
