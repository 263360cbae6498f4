package com.dealbridge.partner.deal;

import com.dealbridge.kit.money.Money;
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
record DealDocument(@Id String id, @Indexed String partnerId, String name, String amount, String currency,
        String closeDate, List<String> contactIds, List<String> companyIds, @Indexed Instant createdAt) {

    static DealDocument of(String id, String partnerId, NewDeal deal, String currency, Instant createdAt) {
        return new DealDocument(id, partnerId, deal.name().trim(), Money.format(deal.amount()), currency,
                deal.closeDate().toString(), List.copyOf(deal.contactIds()), List.copyOf(deal.companyIds()),
                createdAt);
    }

    Deal toDeal() {
        return new Deal(id, partnerId, name, new BigDecimal(amount), currency, LocalDate.parse(closeDate),
                contactIds == null ? List.of() : contactIds, companyIds == null ? List.of() : companyIds, createdAt);
    }
}
