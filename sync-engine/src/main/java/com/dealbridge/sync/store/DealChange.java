package com.dealbridge.sync.store;

import com.dealbridge.sync.domain.SyncClock;

/**
 * A local decision applied to one deal's document. It may run more than once (optimistic-lock retries), so it
 * must only change the document it is given.
 */
@FunctionalInterface
public interface DealChange {

    void apply(SharedDealDocument document, SyncClock clock);
}
