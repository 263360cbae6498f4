package com.dealbridge.crm.partner;

import com.dealbridge.shareddeal.domain.DealStatus;
import com.dealbridge.shareddeal.domain.RegistrationState;
import com.dealbridge.shareddeal.store.SharedDeals;
import com.mongodb.client.model.Filters;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * How many active registrations each partner of a page of the partner list holds: one query over the page's
 * partners only, reading one field per deal, so a page costs the same however many partners and deals there are
 * ({@link SharedDeals#activeDealsPerPartner()} reads the active deals of every partner).
 */
@Component
class ActiveRegistrationCounts {

    private final SharedDeals sharedDeals;

    ActiveRegistrationCounts(SharedDeals sharedDeals) {
        this.sharedDeals = sharedDeals;
    }

    /** Counts by partner id; a partner without active registrations is absent. */
    Map<String, Long> of(Collection<String> partnerIds) {
        Map<String, Long> counts = new HashMap<>();
        if (partnerIds.isEmpty()) {
            return counts;
        }
        // A read beyond SharedDeals' own queries, which is what its store() is for; it names the deal projection's
        // fields (partnerId, status as the DealStatus name, registrationState: only a REGISTERED or PENDING deal is
        // a registration; UNAVAILABLE, REJECTED and EXPIRED ones hold nothing), as SharedDeals' own filters do.
        List<Document> rows = sharedDeals.store().fields(Filters.and(Filters.in("partnerId", partnerIds),
                Filters.eq("status", DealStatus.ACTIVE.name()),
                Filters.in("registrationState", java.util.Arrays.asList(RegistrationState.REGISTERED.name(),
                        RegistrationState.PENDING.name(), null))), List.of("partnerId"), 0);
        for (Document row : rows) {
            counts.merge(row.getString("partnerId"), 1L, Long::sum);
        }
        return counts;
    }
}
