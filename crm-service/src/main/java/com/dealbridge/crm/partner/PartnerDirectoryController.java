package com.dealbridge.crm.partner;

import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The partners reps can convert deals for, with how many active registrations each holds. */
@RestController
class PartnerDirectoryController {

    record PartnerView(String id, String name, int capacityLimit, long activeDealRegistrations,
            List<KnownUser> users, String notificationRecipientUserId) {

        static PartnerView of(KnownPartner partner, long activeDealRegistrations) {
            return new PartnerView(partner.id(), partner.name(), partner.capacityLimit(), activeDealRegistrations,
                    partner.users(), partner.notificationRecipientUserId());
        }
    }

    private final PartnersWithCapacity partners;

    PartnerDirectoryController(PartnersWithCapacity partners) {
        this.partners = partners;
    }

    /** By name; {@code page} (from 0) of {@code size} (default 100, at most 500). */
    @GetMapping("/api/partners")
    ListResponse<PartnerView> partners(@RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return partners.page(Paging.of(page, size))
                .map(found -> PartnerView.of(found.partner(), found.activeDealRegistrations()));
    }
}
