package com.dealbridge.shareddeal.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The registration expires soon: the reminder both sides notify on (the partner's recipient, the rep). Recorded once
 * per expiry date, so a reminder is sent once, and again only after an extension moved the date.
 */
public record RegistrationExpiring(EventHeader header, Instant expiresAt) implements SharedDealEvent {

    public RegistrationExpiring {
        expiresAt = Objects.requireNonNull(expiresAt, "expiresAt").truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public RegistrationExpiring withHeader(EventHeader header) {
        return new RegistrationExpiring(header, expiresAt);
    }
}
