package com.dealbridge.partner.deal;

import com.dealbridge.kit.money.Money;
import com.dealbridge.shareddeal.domain.PersonRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A deal as the API answers it.
 *
 * @param activeDealRegistrations 1 while the deal has an ACTIVE shared deal, else 0 (the tracking view's filter)
 * @param sharedDealId            the active shared deal, else the latest one the deal had, else null
 * @param owner                   the partner user owning that shared deal (for a deal a rep converted: the chosen
 *                                contact or the partner's notification recipient), else null
 * @param registeredBy            PARTNER or CRM for that shared deal, else null
 */
record DealView(String id, String partnerId, String name, String amount, String currency, LocalDate closeDate,
        List<String> contactIds, List<String> companyIds, int activeDealRegistrations, String sharedDealId,
        PersonRef owner, String registeredBy, Instant createdAt) {

    static DealView of(Deal deal, Registration registration) {
        return new DealView(deal.id(), deal.partnerId(), deal.name(), Money.format(deal.amount()), deal.currency(),
                deal.closeDate(), deal.contactIds(), deal.companyIds(), registration.active() ? 1 : 0,
                registration.sharedDealId(), registration.owner(), registration.registeredBy(), deal.createdAt());
    }

    record Registration(String sharedDealId, boolean active, PersonRef owner, String registeredBy) {

        static final Registration NONE = new Registration(null, false, null, null);
    }
}
