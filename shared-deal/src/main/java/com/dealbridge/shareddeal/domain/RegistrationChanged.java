package com.dealbridge.shareddeal.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The vendor moved a registration's state, or its expiry date (a {@link RegistrationTransition}); synced to the
 * partner, shown on both Shared tabs with who (the header's actor), when and why.
 *
 * @param reasonCode the program's code for a rejection (e.g. {@code DUPLICATE}) or a revocation
 *                   ({@code CAPACITY_TAKEN}); null for other transitions
 * @param reason     free text: why, in the decider's words; may be null
 * @param expiresAt  the registration's expiry after the transition; null when it does not expire (or is no longer
 *                   REGISTERED)
 */
public record RegistrationChanged(EventHeader header, RegistrationTransition transition, String reasonCode,
                                  String reason, Instant expiresAt) implements SharedDealEvent {

    public RegistrationChanged {
        Objects.requireNonNull(transition, "transition");
        // the wire carries milliseconds: both sides hold the same instant
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS);
        if (transition.needsReasonCode() != (reasonCode != null)) {
            throw new IllegalArgumentException("a rejection or a revocation, and only these, have a reason code");
        }
        if ((transition == RegistrationTransition.SET_EXPIRY || transition == RegistrationTransition.EXTEND)
                && expiresAt == null) {
            throw new IllegalArgumentException(transition + " needs the new expiry date");
        }
    }

    @Override
    public RegistrationChanged withHeader(EventHeader header) {
        return new RegistrationChanged(header, transition, reasonCode, reason, expiresAt);
    }
}
