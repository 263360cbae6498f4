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
 * and a calendar date that no time-zone conversion can shift by a day.
 */
@Document("deals")
record CrmDealDocument(@Id String id, String name, String amount, String currency, String closeDate, String stage,
        List<String> contactIds, List<String> companyIds, @Indexed String sharedDealId, @Indexed Instant createdAt,
        Instant updatedAt) {

    CrmDeal toDeal() {
        return new CrmDeal(id, name, new BigDecimal(amount), currency, LocalDate.parse(closeDate), stage,
                contactIds == null ? List.of() : contactIds, companyIds == null ? List.of() : companyIds,
                sharedDealId, createdAt);
    }
}
