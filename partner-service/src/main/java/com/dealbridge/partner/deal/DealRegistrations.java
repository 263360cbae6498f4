package com.dealbridge.partner.deal;

import com.dealbridge.shareddeal.domain.DealStatus;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Derives each deal's registration state from the shared deals at read time (they are the source of truth; a
 * copy on the deal could drift). One query per page of deals, never one per deal.
 */
@Component
class DealRegistrations {

    /** Active first, then the most recently updated: a withdrawn registration followed by a new one shows the new. */
    private static final Comparator<SharedDealDocument> PREFERRED = Comparator
            .comparing((SharedDealDocument document) -> document.deal().status() == DealStatus.ACTIVE)
            .thenComparing(document -> document.deal().facts().updatedAt(), Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .reversed();

    private final SharedDeals sharedDeals;

    DealRegistrations(SharedDeals sharedDeals) {
        this.sharedDeals = sharedDeals;
    }

    /** The partner's active registrations (for the tracking view): active and REGISTERED, not UNAVAILABLE. */
    List<SharedDealDocument> active(String partnerId) {
        return sharedDeals.list(partnerId, EnumSet.of(DealStatus.ACTIVE)).stream()
                .filter(document -> document.deal().facts().activelyRegistered()).toList();
    }

    static List<String> localDealIds(Collection<SharedDealDocument> documents) {
        return documents.stream().map(SharedDealDocument::localDealId).filter(Objects::nonNull).distinct().toList();
    }

    List<DealView> views(List<Deal> deals) {
        if (deals.isEmpty()) {
            return List.of();
        }
        return views(deals, sharedDeals.findByLocalDealIds(deals.stream().map(Deal::id).toList()));
    }

    static List<DealView> views(List<Deal> deals, Collection<SharedDealDocument> sharedDealsOfThem) {
        Map<String, SharedDealDocument> preferred = new HashMap<>();
        for (SharedDealDocument document : sharedDealsOfThem) {
            if (document.localDealId() != null) {
                preferred.merge(document.localDealId(), document,
                        (a, b) -> PREFERRED.compare(a, b) <= 0 ? a : b);
            }
        }
        return deals.stream().map(deal -> DealView.of(deal, registration(preferred.get(deal.id())))).toList();
    }

    private static DealView.Registration registration(SharedDealDocument document) {
        if (document == null) {
            return DealView.Registration.NONE;
        }
        return new DealView.Registration(document.id(), document.deal().facts().activelyRegistered(),
                document.deal().facts().partnerOwner(), document.deal().facts().registeredBy().name());
    }
}
