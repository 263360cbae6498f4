package com.dealbridge.sync.api;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.BadRequestException;
import com.dealbridge.sync.domain.DealStatus;
import com.dealbridge.sync.domain.SharedDealId;
import com.dealbridge.sync.store.SharedDealDocument;
import com.dealbridge.sync.store.SharedDealNotFoundException;
import com.dealbridge.sync.store.SharedDeals;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads shared deals as a caller may see them: a partner user only its own partner's deals (another partner's
 * deal answers 404, as if it did not exist); a CRM user every shared deal.
 */
public class SharedDealQueries {

    private final SharedDeals sharedDeals;
    private final ProductNames productNames;

    public SharedDealQueries(SharedDeals sharedDeals, ProductNames productNames) {
        this.sharedDeals = sharedDeals;
        this.productNames = productNames;
    }

    public SharedDealDocument visible(Caller caller, String sharedDealId) {
        SharedDealDocument document = sharedDeals.find(parseId(sharedDealId))
                .orElseThrow(() -> new SharedDealNotFoundException(sharedDealId));
        if (caller.isPartnerUser() && !document.deal().partnerId().equals(caller.partnerId())) {
            throw new SharedDealNotFoundException(sharedDealId);
        }
        return document;
    }

    public SharedDealView view(Caller caller, String sharedDealId) {
        return views(List.of(visible(caller, sharedDealId))).get(0);
    }

    public List<SharedDealView> list(Caller caller, String status) {
        String partnerId = caller.isPartnerUser() ? caller.partnerId() : null;
        return views(sharedDeals.list(partnerId, statuses(status)));
    }

    /** Views with product names resolved in one lookup for the whole list. */
    public List<SharedDealView> views(List<SharedDealDocument> documents) {
        Set<String> ids = new java.util.HashSet<>();
        documents.forEach(d -> ids.addAll(d.deal().productIds()));
        Map<String, String> names = ids.isEmpty() ? Map.of() : productNames.namesOf(ids);
        return documents.stream().map(d -> SharedDealView.of(d, names)).toList();
    }

    static SharedDealId parseId(String value) {
        try {
            return new SharedDealId(value);
        } catch (IllegalArgumentException e) {
            throw new SharedDealNotFoundException(value);
        }
    }

    static Collection<DealStatus> statuses(String filter) {
        if (filter == null || filter.isBlank() || filter.equalsIgnoreCase("ACTIVE")) {
            return EnumSet.of(DealStatus.ACTIVE);
        }
        if (filter.equalsIgnoreCase("CLOSED")) {
            return EnumSet.of(DealStatus.CLOSED_WON, DealStatus.CLOSED_LOST, DealStatus.WITHDRAWN);
        }
        if (filter.equalsIgnoreCase("ALL")) {
            return EnumSet.allOf(DealStatus.class);
        }
        throw new BadRequestException("status must be ACTIVE, CLOSED or ALL, was '" + filter + "'");
    }
}
