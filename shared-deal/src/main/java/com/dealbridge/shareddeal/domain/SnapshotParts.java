package com.dealbridge.shareddeal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Splits a snapshot's facts and entries into parts that each stay well below a Kafka record's size limit. */
final class SnapshotParts {

    /** Rough size budget of one snapshot part, far below Kafka's default 1 MB record limit. */
    static final int PART_BUDGET = 400_000;

    private SnapshotParts() {
    }

    static <T> List<List<T>> split(List<T> items, ToIntFunction<T> estimate) {
        List<List<T>> parts = new ArrayList<>();
        List<T> current = new ArrayList<>();
        int size = 0;
        for (T item : items) {
            int itemSize = estimate.applyAsInt(item);
            if (!current.isEmpty() && size + itemSize > PART_BUDGET) {
                parts.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(item);
            size += itemSize;
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    /** Upper bound of a fact's encoded size: every character may take three bytes in UTF-8. */
    static int estimate(SharedDealEvent fact) {
        return 400 + 3 * fact.toString().length();
    }

    static int estimate(ActivityEntry entry) {
        return 300 + 3 * entry.toString().length();
    }
}
