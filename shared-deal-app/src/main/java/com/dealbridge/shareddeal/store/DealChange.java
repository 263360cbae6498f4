package com.dealbridge.shareddeal.store;

import com.dealbridge.sync.clock.SyncClock;

/**
 * A local decision applied to one deal's document. It runs once, in the deal's lane, possibly in one batch with
 * other changes of the same deal; it must only change the document it is given, and throw before it records
 * anything it would not stand by (a refused change is rolled back with everything it did).
 */
@FunctionalInterface
public interface DealChange {

    void apply(SharedDealDocument document, SyncClock clock);
}
