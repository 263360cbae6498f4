package com.dealbridge.sync.domain;

import java.time.Instant;
import java.util.Map;

/** One line of the Shared tab: something both sides did to the shared part of the deal. */
public record ActivityEntry(String type, Instant at, Actor actor, Origin origin, String eventId,
                            Map<String, Object> details) {

    public ActivityEntry {
        details = Map.copyOf(details);
    }
}
