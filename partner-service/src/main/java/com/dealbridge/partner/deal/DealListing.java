package com.dealbridge.partner.deal;

import com.dealbridge.kit.web.BadRequestException;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * {@code GET /api/deals} one page at a time: the store pages the partner's deals (newest first), and only that page
 * gets its registration state, so a request costs one page whatever the number of deals.
 */
@Service
class DealListing {

    private final Deals deals;
    private final DealRegistrations registrations;

    DealListing(Deals deals, DealRegistrations registrations) {
        this.deals = deals;
        this.registrations = registrations;
    }

    /**
     * @param activeDealRegistrations null: all deals; 1: only those with an active registration (the tracking view,
     *                                including deals a rep registered for the partner); 0: only those without
     * @param nameContains                 null or blank: any name; else only deals whose name contains it (any case)
     * @throws BadRequestException any other value of {@code activeDealRegistrations}
     */
    ListResponse<DealView> list(String partnerId, Integer activeDealRegistrations, String nameContains,
                                Paging paging) {
        if (activeDealRegistrations == null) {
            ListResponse<Deal> page = deals.page(partnerId, nameContains, paging);
            return page.withItems(registrations.views(page.items()));
        }
        if (activeDealRegistrations != 0 && activeDealRegistrations != 1) {
            throw new BadRequestException("activeDealRegistrations must be 0 or 1, was " + activeDealRegistrations);
        }
        // Whether a deal has an active registration lives in the shared deals, not on the deal (a copy could drift),
        // so the store cannot filter deals by it alone. The partner's active registrations are read in full instead:
        // they are few, bounded by its capacity limit (registering and converting refuse beyond it; only registrations
        // made on both sides at the same moment can pass it), whatever the number of deals. The store then pages the
        // deals among (or outside) their local deal ids.
        List<SharedDealDocument> active = registrations.active(partnerId);
        List<String> activeDealIds = DealRegistrations.localDealIds(active);
        if (activeDealRegistrations == 1) {
            ListResponse<Deal> page = deals.pageOf(partnerId, activeDealIds, nameContains, paging);
            return page.withItems(DealRegistrations.views(page.items(), active));
        }
        ListResponse<Deal> page = deals.pageExcept(partnerId, activeDealIds, nameContains, paging);
        return page.withItems(registrations.views(page.items()));
    }
}
