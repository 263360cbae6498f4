package com.dealbridge.shareddeal.domain;

import com.dealbridge.sync.clock.Hlc;

import java.util.Comparator;

/** Who wrote a field value and when: the total order both replicas use for last-writer-wins. */
public record Stamp(Hlc hlc, Origin origin) implements Comparable<Stamp> {

    private static final Comparator<Stamp> ORDER = Comparator.comparing(Stamp::hlc).thenComparing(Stamp::origin);

    @Override
    public int compareTo(Stamp other) {
        return ORDER.compare(this, other);
    }

    /** True when this value should replace one stamped {@code other}; a missing stamp loses to anything. */
    public boolean supersedes(Stamp other) {
        return other == null || compareTo(other) > 0;
    }
}
