package com.dealbridge.partner.note;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creation times in whole milliseconds that never repeat or go back within this instance. Notes list oldest first
 * by creation time, and two notes added in the same millisecond (or across a backwards clock step) must still
 * list in the order they were added. Across instances a tie falls back to the note id: stable, if arbitrary.
 */
final class CreationTimes {

    private final Clock clock;
    private final AtomicLong lastMillis = new AtomicLong(Long.MIN_VALUE);

    CreationTimes(Clock clock) {
        this.clock = clock;
    }

    Instant next() {
        long now = clock.millis();
        return Instant.ofEpochMilli(lastMillis.updateAndGet(last -> Math.max(now, last + 1)));
    }
}
