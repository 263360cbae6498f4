package com.dealbridge.shareddeal.api;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.shareddeal.live.LiveDealPages;
import com.dealbridge.shareddeal.store.SharedTabs;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The shared-deal endpoints both services expose identically. Each service's own {@code SharedDealController}
 * extends this (and adds what only it does), so the resource is served by one controller per service.
 */
public abstract class SharedDealEndpoints {

    private final SharedDealQueries queries;
    private final SharedDealCommands commands;
    private final LiveDealPages live;

    protected SharedDealEndpoints(SharedDealQueries queries, SharedDealCommands commands, LiveDealPages live) {
        this.queries = queries;
        this.commands = commands;
        this.live = live;
    }

    /**
     * Changes details, stage (and on the CRM compensation eligibility) as the sync policy allows this side; a field
     * it does not allow is a 409 naming the field and the policy, and nothing of the patch is applied. By default
     * (HubSpot's field rules) only the CRM changes the stage, and the deal name is the registration's on both sides.
     */
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

    /**
     * The deals the caller sees ({@code status} ACTIVE by default, CLOSED or ALL; with {@code registrationState},
     * only registrations in that state, of any status unless {@code status} says), most recently changed first.
     */
    @GetMapping
    public ListResponse<SharedDealView> list(Caller caller, @RequestParam(required = false) String status,
                                             @RequestParam(required = false) String registrationState,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return queries.list(caller, status, registrationState, Paging.of(page, size));
    }

    /**
     * One shared deal the caller may see: details, qualifying fields, product interest, assigned rep, quotes,
     * status.
     */
    @GetMapping("/{id}")
    public SharedDealView get(Caller caller, @PathVariable String id) {
        return queries.view(caller, id);
    }

    /**
     * Server-sent events of one shared deal the caller may see: {@code connected} at once, then {@code deal-changed}
     * (data: the deal's version) after every change saved on this instance, made here or received from the other
     * side. An event says only that something changed; the client reads what it may see with its own requests, so
     * an integration waits for the other side's change instead of polling for it. The stream ends after ten minutes;
     * reconnect then. With several instances, a stream hears the changes of the instance it is connected to.
     */
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ApiResponse(responseCode = "200", description = "The stream: an event `connected`, then `deal-changed` (data:"
            + " the deal's version) after each change", content = @Content(
                    mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    public SseEmitter events(Caller caller, @PathVariable String id) {
        return live.open(queries.visible(caller, id).id());
    }

    /** The Shared tab: only activity both sides share, oldest first. */
    @GetMapping("/{id}/shared-activity")
    public ListResponse<ActivityItem> sharedActivity(Caller caller, @PathVariable String id,
                                                     @RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        SharedTabs.Page tab = queries.sharedTab(caller, id, paging);
        return ListResponse.of(tab.items().stream().map(ActivityItem::of).toList(), tab.total(), paging);
    }
}
