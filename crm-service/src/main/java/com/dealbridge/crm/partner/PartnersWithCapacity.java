package com.dealbridge.crm.partner;

import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The known partners with their used capacity (active deal registrations), for {@code GET /api/partners} and the
 * workspace's Partner dropdown: one count for both.
 */
@Service
public class PartnersWithCapacity {

    /** A partner and how many of its {@code capacityLimit} active deal registrations it uses. */
    public record PartnerWithCapacity(KnownPartner partner, long activeDealRegistrations) {
    }

    private final PartnerDirectory directory;
    private final ActiveRegistrationCounts activeRegistrations;

    PartnersWithCapacity(PartnerDirectory directory, ActiveRegistrationCounts activeRegistrations) {
        this.directory = directory;
        this.activeRegistrations = activeRegistrations;
    }

    /** By name. */
    public ListResponse<PartnerWithCapacity> page(Paging paging) {
        ListResponse<KnownPartner> partners = directory.all(paging);
        Map<String, Long> active = activeRegistrations.of(partners.items().stream().map(KnownPartner::id).toList());
        return partners.map(partner -> new PartnerWithCapacity(partner, active.getOrDefault(partner.id(), 0L)));
    }
}
