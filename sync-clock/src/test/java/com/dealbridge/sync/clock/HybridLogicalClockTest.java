package com.dealbridge.sync.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HybridLogicalClockTest {

    private final AtomicLong wall = new AtomicLong(1_000);
    private final HybridLogicalClock clock = new HybridLogicalClock(wall::get);

    @Test
    void followsWallTimeWhenItMovesForward() {
        assertThat(clock.tick()).isEqualTo(new Hlc(1_000, 0));
        wall.set(1_005);
        assertThat(clock.tick()).isEqualTo(new Hlc(1_005, 0));
    }

    @Test
    void countsWithinTheSameMillisecond() {
        Hlc first = clock.tick();
        Hlc second = clock.tick();
        assertThat(second).isGreaterThan(first);
        assertThat(second).isEqualTo(new Hlc(1_000, 1));
    }

    @Test
    void neverGoesBackwardsWhenTheWallClockDoes() {
        wall.set(2_000);
        Hlc before = clock.tick();
        wall.set(1_500);
        assertThat(clock.tick()).isGreaterThan(before);
    }

    @Test
    void ordersLocalChangesAfterAnObservedRemoteReadingFromAFastClock() {
        Hlc remote = new Hlc(9_000, 7);
        clock.observe(remote);
        assertThat(clock.tick()).isGreaterThan(remote);
    }

    @Test
    void observingAnOldReadingKeepsTheClockMonotonic() {
        wall.set(5_000);
        Hlc local = clock.tick();
        clock.observe(new Hlc(10, 0));
        assertThat(clock.tick()).isGreaterThan(local);
    }
}
