package com.dealbridge.sync.clock;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Kulkarni et al.'s hybrid logical clock. Readings stay close to wall time but never go backwards and always
 * order after every remote reading observed, so last-writer-wins by (hlc, origin) respects causality even when
 * the two services' wall clocks drift apart.
 */
public final class HybridLogicalClock implements SyncClock {

    private final LongSupplier wallClock;
    private long wallMillis;
    private int counter;

    public HybridLogicalClock(LongSupplier wallClock) {
        this.wallClock = wallClock;
    }

    public static HybridLogicalClock system() {
        return new HybridLogicalClock(System::currentTimeMillis);
    }

    @Override
    public synchronized Hlc tick() {
        long physical = wallClock.getAsLong();
        if (physical > wallMillis) {
            wallMillis = physical;
            counter = 0;
        } else {
            counter++;
        }
        return new Hlc(wallMillis, counter);
    }

    @Override
    public synchronized void observe(Hlc remote) {
        long physical = wallClock.getAsLong();
        long next = Math.max(physical, Math.max(wallMillis, remote.wallMillis()));
        if (next == wallMillis && next == remote.wallMillis()) {
            counter = Math.max(counter, remote.counter()) + 1;
        } else if (next == wallMillis) {
            counter++;
        } else if (next == remote.wallMillis()) {
            counter = remote.counter() + 1;
        } else {
            counter = 0;
        }
        wallMillis = next;
    }

    @Override
    public Instant now() {
        return Instant.ofEpochMilli(wallClock.getAsLong());
    }
}
