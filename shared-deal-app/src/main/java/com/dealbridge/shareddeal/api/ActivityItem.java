package com.dealbridge.shareddeal.api;

import com.dealbridge.shareddeal.domain.ActivityEntry;
import com.dealbridge.shareddeal.domain.Actor;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;

/**
 * One line of the Shared tab as the API shows it: what happened, when, by whom and on which side, and the line's
 * details (noteId, body, stage, …) as fields of their own.
 */
@JsonPropertyOrder({"type", "at", "actor", "side", "eventId"})
public record ActivityItem(String type, Instant at, Actor actor, String side, String eventId,
                           @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> details) {

    public static ActivityItem of(ActivityEntry entry) {
        return new ActivityItem(entry.type(), entry.at(), entry.actor(), entry.origin().name(), entry.eventId(),
                entry.details());
    }

    @JsonAnyGetter
    public Map<String, Object> detailFields() {
        return details;
    }
}
