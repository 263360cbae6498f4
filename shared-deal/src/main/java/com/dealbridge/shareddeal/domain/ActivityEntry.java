package com.dealbridge.shareddeal.domain;

import com.dealbridge.sync.clock.Hlc;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * One line of the Shared tab: something both sides did to the shared part of the deal.
 *
 * @param hlc when it happened on the hybrid logical clock (null in entries stored before it was kept)
 */
public record ActivityEntry(String type, Instant at, Actor actor, Origin origin, String eventId,
                            Map<String, Object> details, Hlc hlc) {

    /** By (hlc, origin), the order both sides agree on; by time for entries without a clock reading. */
    public static final Comparator<ActivityEntry> ORDER = Comparator
            .comparing((ActivityEntry e) -> e.hlc() == null ? new Hlc(e.at().toEpochMilli(), 0) : e.hlc())
            .thenComparing(ActivityEntry::origin)
            .thenComparing(ActivityEntry::eventId);

    public ActivityEntry {
        details = Map.copyOf(details);
    }

    ActivityEntry withoutDetail(String key) {
        Map<String, Object> kept = new HashMap<>(details);
        kept.remove(key);
        return new ActivityEntry(type, at, actor, origin, eventId, kept, hlc);
    }
}
