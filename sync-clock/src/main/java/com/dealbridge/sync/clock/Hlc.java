package com.dealbridge.sync.clock;

import java.util.Comparator;

/** A hybrid logical clock reading: physical milliseconds plus a logical counter for events in the same millisecond. */
public record Hlc(long wallMillis, int counter) implements Comparable<Hlc> {

    private static final Comparator<Hlc> ORDER =
            Comparator.comparingLong(Hlc::wallMillis).thenComparingInt(Hlc::counter);

    public Hlc {
        if (wallMillis < 0 || counter < 0) {
            throw new IllegalArgumentException("HLC parts must not be negative: " + wallMillis + "/" + counter);
        }
    }

    @Override
    public int compareTo(Hlc other) {
        return ORDER.compare(this, other);
    }
}
