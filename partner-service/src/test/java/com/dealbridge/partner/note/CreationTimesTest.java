package com.dealbridge.partner.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CreationTimesTest {

    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00.123456789Z");

    @Test
    void truncatesToMillisecondsAndFollowsTheClock() {
        SettableClock clock = new SettableClock(NOON);
        CreationTimes times = new CreationTimes(clock);

        assertThat(times.next()).isEqualTo("2026-03-01T12:00:00.123Z");
        clock.now = NOON.plusSeconds(5);
        assertThat(times.next()).isEqualTo("2026-03-01T12:00:05.123Z");
    }

    @Test
    void neverHandsOutTheSameMillisecondTwice() {
        CreationTimes times = new CreationTimes(new SettableClock(NOON));

        assertThat(times.next()).isEqualTo("2026-03-01T12:00:00.123Z");
        assertThat(times.next()).isEqualTo("2026-03-01T12:00:00.124Z");
        assertThat(times.next()).isEqualTo("2026-03-01T12:00:00.125Z");
    }

    @Test
    void neverGoesBackWhenTheClockStepsBack() {
        SettableClock clock = new SettableClock(NOON);
        CreationTimes times = new CreationTimes(clock);
        Instant first = times.next();

        clock.now = NOON.minusSeconds(60);

        assertThat(times.next()).isAfter(first);
    }

    /** A clock the test moves by hand, so no test depends on how fast it runs. */
    private static final class SettableClock extends Clock {

        Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("not needed");
        }
    }
}
