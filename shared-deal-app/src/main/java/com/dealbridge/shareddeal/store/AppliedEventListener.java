package com.dealbridge.shareddeal.store;

import com.dealbridge.shareddeal.domain.SharedDealEvent;

/**
 * Told after a remote event has been applied and saved. Listeners run on the deal's lane: one must not wait for
 * another change of the same deal, and should hand slow work to its own thread. Applying never writes to this
 * side's log; a side's own decision in response (the CRM assigns a rep to a new registration) is a separate local
 * change, and must be recoverable on its own (e.g. by a sweep), since the process may die right after the apply.
 */
public interface AppliedEventListener {

    void applied(SharedDealDocument document, SharedDealEvent event);

    /**
     * Told after every save of a deal document on this side (a local change, an applied remote event, a link),
     * with the saved document; e.g. to keep a side's own deal record in line with the replica. Saves of one deal
     * on several instances may be reported out of order: compare {@link SharedDealDocument#version()}. A failure
     * is logged and does not undo the save. Does nothing by default.
     */
    default void saved(SharedDealDocument document) {
    }
}
