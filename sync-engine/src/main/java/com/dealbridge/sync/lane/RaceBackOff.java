package com.dealbridge.sync.lane;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A pause before trying again after another instance won a race for the same aggregate. Without it, two instances
 * that lost to each other reload and write again at the same moment, and under load they can keep losing until
 * the attempts run out. A random pause whose bound grows with the attempts ("full jitter") spreads them apart; it
 * is only taken after a lost race, so the uncontended path never waits.
 */
public final class RaceBackOff {

    private static final int MAX_SHIFT = 6; // at most 64 ms

    private RaceBackOff() {
    }

    /** Sleeps a random time in [0, 2^attempt] ms, capped; returns at once when the thread is interrupted. */
    public static void pause(int attempt) {
        long bound = 1L << Math.min(Math.max(attempt, 0), MAX_SHIFT);
        long millis = ThreadLocalRandom.current().nextLong(bound + 1);
        if (millis == 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
