package com.dealbridge.sync.api;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.sync.domain.ActivityEntry;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shared-deal endpoints both services expose identically. */
@RestController
@RequestMapping("/api/shared-deals")
public class SharedDealController {

    private final SharedDealQueries queries;
    private final SharedDealCommands commands;

    public SharedDealController(SharedDealQueries queries, SharedDealCommands commands) {
        this.queries = queries;
        this.commands = commands;
    }

    /** Changes details, stage (and on the CRM compensation eligibility) as the sync policy allows this side. */
    @PatchMapping("/{id}")
    public SharedDealView patch(Caller caller, @PathVariable String id,
                                @RequestBody SharedDealCommands.DealPatch patch) {
        return commands.patch(caller, id, patch);
    }

    public record ProductInterestRequest(List<String> productIds) {
    }

    /** Replaces the product interest; ids come from the CRM's catalogue (unknown → 422). */
    @PutMapping("/{id}/product-interest")
    public SharedDealView productInterest(Caller caller, @PathVariable String id,
                                          @RequestBody ProductInterestRequest request) {
        return commands.changeProductInterest(caller, id, request.productIds());
    }

    @GetMapping
    public Map<String, Object> list(Caller caller, @RequestParam(required = false) String status) {
        List<SharedDealView> items = queries.list(caller, status);
        return Map.of("items", items, "total", items.size());
    }

    @GetMapping("/{id}")
    public SharedDealView get(Caller caller, @PathVariable String id) {
        return queries.view(caller, id);
    }

    /** The Shared tab: only activity both sides share, oldest first. */
    @GetMapping("/{id}/shared-activity")
    public Map<String, Object> sharedActivity(Caller caller, @PathVariable String id) {
        List<Map<String, Object>> items = queries.visible(caller, id).deal().activity().stream()
                .map(SharedDealController::activityItem).toList();
        return Map.of("items", items, "total", items.size());
    }

    private static Map<String, Object> activityItem(ActivityEntry entry) {
        Map<String, Object> item = new java.util.LinkedHashMap<>();
        item.put("type", entry.type());
        item.put("at", entry.at());
        item.put("actor", entry.actor());
        item.put("side", entry.origin().name());
        item.put("eventId", entry.eventId());
        item.putAll(entry.details());
        return item;
    }
}
