package com.dealbridge.shareddeal.admin;

import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.store.SharedDealNotFoundException;
import com.dealbridge.shareddeal.store.SharedDeals;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations: republishes this side's whole shared state of a deal (a {@code SharedDealSnapshot}) to repair the
 * other side's replica, e.g. when its sync status shows parked events or a dead letter it cannot replay.
 */
@RestController
@RequestMapping("/admin/shared-deals")
public class ResyncController {

    private final SharedDeals sharedDeals;

    public ResyncController(SharedDeals sharedDeals) {
        this.sharedDeals = sharedDeals;
    }

    /** 202: the snapshot is in the outbox and on its way; unknown deal → 404. */
    @PostMapping("/{id}/resync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ResyncStarted resync(@PathVariable String id) {
        int parts = sharedDeals.resync(sharedDealId(id), Actor.system("Resync"));
        return new ResyncStarted(id, sharedDeals.side().name(), parts);
    }

    /** What a resync answers: the deal, the side that republished it, and how many parts its snapshot has. */
    public record ResyncStarted(String sharedDealId, String side, int snapshotParts) {
    }

    private static SharedDealId sharedDealId(String id) {
        try {
            return new SharedDealId(id);
        } catch (IllegalArgumentException notAnId) {
            throw new SharedDealNotFoundException(id);
        }
    }
}
