package com.dealbridge.crm.partner;

import com.dealbridge.shareddeal.store.SharedDeals;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The partners reps can convert deals for, with how many active registrations each holds. */
@RestController
class PartnerDirectoryController {

    record PartnerView(String id, String name, int capacityLimit, long activeDealRegistrations,
            List<KnownUser> users, String notificationRecipientUserId) {
    }

    private final PartnerDirectory directory;
    private final SharedDeals sharedDeals;

    PartnerDirectoryController(PartnerDirectory directory, SharedDeals sharedDeals) {
        this.directory = directory;
        this.sharedDeals = sharedDeals;
    }

    @GetMapping("/api/partners")
    Map<String, Object> partners() {
        Map<String, Long> active = sharedDeals.activeDealsPerPartner();
        List<PartnerView> items = directory.all().stream()
                .map(partner -> new PartnerView(partner.id(), partner.name(), partner.capacityLimit(),
                        active.getOrDefault(partner.id(), 0L), partner.users(),
                        partner.notificationRecipientUserId()))
                .toList();
        return Map.of("items", items, "total", items.size());
    }
}
