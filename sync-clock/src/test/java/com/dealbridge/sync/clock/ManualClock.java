package com.dealbridge.sync.clock;

import java.time.Instant;

/** A sync clock for tests: an HLC over a wall clock the test moves by hand. */
public final class ManualClock implements SyncClock {

    private long wallMillis;
    private final HybridLogicalClock hlc;

    public ManualClock(long startMillis) {
        this.wallMillis = startMillis;
        this.hlc = new HybridLogicalClock(() -> this.wallMillis);
    }

    public void advance(long millis) {
        wallMillis += millis;
    }

    @Override
    public Hlc tick() {
        return hlc.tick();
    }

    @Override
    public void observe(Hlc remote) {
        hlc.observe(remote);
    }

    @Override
    public Instant now() {
        return Instant.ofEpochMilli(wallMillis);
    }
}
