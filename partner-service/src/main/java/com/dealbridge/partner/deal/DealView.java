package com.dealbridge.partner.deal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A deal as the API answers it.
 *
 * @param activeDealRegistrations 1 while the deal has an ACTIVE shared deal, else 0 (the tracking view's filter)
 * @param sharedDealId            the active shared deal, else the latest one the deal had, else null
 */
record DealView(String id, String partnerId, String name, String amount, String currency, LocalDate closeDate,
        List<String> contactIds, List<String> companyIds, int activeDealRegistrations, String sharedDealId,
        Instant createdAt) {

    static DealView of(Deal deal, Registration registration) {
        return new DealView(deal.id(), deal.partnerId(), deal.name(), Money.format(deal.amount()), deal.currency(),
                deal.closeDate(), deal.contactIds(), deal.companyIds(), registration.active() ? 1 : 0,
                registration.sharedDealId(), deal.createdAt());
    }

    record Registration(String sharedDealId, boolean active) {

        static final Registration NONE = new Registration(null, false);
    }
}
