package com.dealbridge.shareddeal.domain;

import com.dealbridge.sync.clock.Hlc;

import java.time.Instant;

/**
 * What every shared-deal event carries: identity for dedupe, the deal it belongs to, and its place in the
 * origin's per-deal sequence (from 1, without gaps).
 */
public record EventHeader(String eventId, String sharedDealId, String partnerId, Origin origin, long sequence,
                          Hlc hlc, Instant occurredAt, Actor actor) {

    /** This header at another place in its origin's sequence. */
    public EventHeader withSequence(long newSequence) {
        return new EventHeader(eventId, sharedDealId, partnerId, origin, newSequence, hlc, occurredAt, actor);
    }

    public Stamp stamp() {
        return new Stamp(hlc, origin);
    }
}
