package com.dealbridge.sync.store;

import com.dealbridge.sync.domain.SharedDealEvent;

/**
 * Told after a remote event has been applied and saved. Applying never writes to the outbox; a side's own
 * decision in response (the CRM assigns a rep to a new registration) is a separate local change, and must be
 * recoverable on its own (e.g. by a sweep), since the process may die right after the apply.
 */
public interface AppliedEventListener {

    void applied(SharedDealDocument document, SharedDealEvent event);
}
