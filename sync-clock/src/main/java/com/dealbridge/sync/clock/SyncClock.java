package com.dealbridge.sync.clock;

import java.time.Instant;

/** What the replica needs from time: HLC readings for local changes and for observing remote ones. */
public interface SyncClock {

    /** A reading for a local change, greater than every reading seen so far. */
    Hlc tick();

    /** Merges a remote reading so that later local changes order after it. */
    void observe(Hlc remote);

    Instant now();
}
