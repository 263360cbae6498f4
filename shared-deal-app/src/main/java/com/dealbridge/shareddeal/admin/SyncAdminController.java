package com.dealbridge.shareddeal.admin;

import com.dealbridge.sync.deadletter.DeadLetters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations: how far behind sync is, what is parked or dead-lettered, and replay of dead letters. */
@RestController
@RequestMapping("/admin/sync")
public class SyncAdminController {

    private final SyncOperations operations;

    public SyncAdminController(SyncOperations operations) {
        this.operations = operations;
    }

    /**
     * How sync stands on this side: the outbox backlog, parked events, recent high-water marks, dead letters and
     * the sync policy.
     */
    @GetMapping("/status")
    public SyncStatus status() {
        return operations.status();
    }

    /**
     * Replays every pending dead letter through the inbox (after the cause was fixed); those that fail again stay
     * pending with the new error.
     */
    @PostMapping("/dead-letters/replay")
    public DeadLetters.ReplayResult replay() {
        return operations.replay();
    }
}
