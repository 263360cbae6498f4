package com.dealbridge.shareddeal.api;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.BadRequestException;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.shareddeal.domain.DealStatus;
import com.dealbridge.shareddeal.domain.RegistrationState;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.store.DealChange;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDealNotFoundException;
import com.dealbridge.shareddeal.store.SharedDeals;
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
        requireVisible(caller, document, sharedDealId);
        return document;
    }

    /**
     * Applies a change to a deal the caller sees (else 404), the check made on the deal's lane against the document
     * the change runs on: one load per change instead of a read before it and another on the lane.
     */
    public SharedDealDocument changeVisible(Caller caller, String sharedDealId, DealChange change) {
        return sharedDeals.change(parseId(sharedDealId), (document, clock) -> {
            requireVisible(caller, document, sharedDealId);
            change.apply(document, clock);
        });
    }

    private static void requireVisible(Caller caller, SharedDealDocument document, String sharedDealId) {
        if (caller.isPartnerUser() && !document.deal().partnerId().equals(caller.partnerId())) {
            throw new SharedDealNotFoundException(sharedDealId);
        }
    }

    public SharedDealView view(Caller caller, String sharedDealId) {
        return views(List.of(visible(caller, sharedDealId))).get(0);
    }

    /** One page of the deals the caller sees, most recently changed first. */
    public ListResponse<SharedDealView> list(Caller caller, String status, Paging paging) {
        return list(caller, status, null, paging);
    }

    /**
     * As {@link #list(Caller, String, Paging)}, only registrations in {@code registrationState} when given; then
     * {@code status} defaults to ALL (a WITHDRAWN registration is never ACTIVE).
     */
    public ListResponse<SharedDealView> list(Caller caller, String status, String registrationState, Paging paging) {
        String partnerId = caller.isPartnerUser() ? caller.partnerId() : null;
        RegistrationState state = registrationState(registrationState);
        Collection<DealStatus> statuses = state != null && (status == null || status.isBlank())
                ? EnumSet.allOf(DealStatus.class) : statuses(status);
        return ListResponse.of(views(sharedDeals.list(partnerId, statuses, state, paging.offset(), paging.size())),
                sharedDeals.count(partnerId, statuses, state), paging);
    }

    static RegistrationState registrationState(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        try {
            return RegistrationState.valueOf(filter.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("registrationState must be one of "
                    + java.util.Arrays.toString(RegistrationState.values()) + ", was '" + filter + "'");
        }
    }

    /** A page of a visible deal's Shared tab. */
    public com.dealbridge.shareddeal.store.SharedTabs.Page sharedTab(Caller caller, String sharedDealId,
                                                                    Paging paging) {
        SharedDealDocument visible = visible(caller, sharedDealId);
        return sharedDeals.tabs().page(visible.id(), paging.offset(), paging.size());
    }

    /** Views with product names resolved in one lookup for the whole list. */
    public List<SharedDealView> views(List<SharedDealDocument> documents) {
        Set<String> ids = new java.util.HashSet<>();
        documents.forEach(d -> ids.addAll(d.deal().facts().productIds()));
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
