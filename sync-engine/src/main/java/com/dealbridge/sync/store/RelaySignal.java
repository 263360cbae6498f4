package com.dealbridge.sync.store;

/** Tells the outbox relay that a deal's document has events to publish, so it does not wait for a sweep. */
@FunctionalInterface
public interface RelaySignal {

    void wake(String sharedDealId);
}
