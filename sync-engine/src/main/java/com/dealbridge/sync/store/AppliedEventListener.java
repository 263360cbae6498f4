package com.dealbridge.sync.store;

import com.dealbridge.sync.domain.SharedDealEvent;

/**
 * Told after a remote event has been applied and saved. Applying never writes to the outbox; a side's own
 * decision in response (the CRM assigns a rep to a new registration) is a separate local change, and must be
 * recoverable on its own (e.g. by a sweep), since the process may die right after the apply.
 */
public interface AppliedEventListener {

    void applied(SharedDealDocument document, SharedDealEvent event);

    /**
     * Told after every save of a deal document on this side (a local change, an applied remote event, a link),
     * with the saved document; e.g. to keep a side's own deal record in line with the replica. Saves of one deal
     * may be reported out of order by concurrent threads: compare {@link SharedDealDocument#version()}. A failure
     * is logged and does not undo the save. Does nothing by default.
     */
    default void saved(SharedDealDocument document) {
    }
}
