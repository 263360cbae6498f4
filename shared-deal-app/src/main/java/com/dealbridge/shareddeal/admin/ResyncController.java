package com.dealbridge.shareddeal.admin;

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

    private final SyncOperations operations;

    public ResyncController(SyncOperations operations) {
        this.operations = operations;
    }

    /** 202: the snapshot is in the outbox and on its way; unknown deal → 404. */
    @PostMapping("/{id}/resync")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ResyncStarted resync(@PathVariable String id) {
        return operations.resync(id);
    }

    /** What a resync answers: the deal, the side that republished it, and how many parts its snapshot has. */
    public record ResyncStarted(String sharedDealId, String side, int snapshotParts) {
    }
}
