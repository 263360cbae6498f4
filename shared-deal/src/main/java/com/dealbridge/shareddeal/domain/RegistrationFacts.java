package com.dealbridge.shareddeal.domain;

import java.time.Instant;

/**
 * What the vendor's registration transitions left on a deal: the state they moved it to, the expiry date, the reason
 * of a rejection, when the state last changed, and the expiry date a reminder was sent for (one per date).
 *
 * @param state        the state the last transition left; null: never changed since its creation
 * @param expiresAt    null: does not expire (or not set yet, or no longer REGISTERED)
 * @param reasonCode   the rejection's code; null unless REJECTED
 * @param reason       the last transition's free text
 * @param changedAt    when the last transition happened
 * @param registeredAt when it last became REGISTERED by a transition (approval, release); null: as created
 * @param remindedFor  the expiry date the last reminder was sent for
 */
public record RegistrationFacts(RegistrationState state, Instant expiresAt, String reasonCode, String reason,
                                Instant changedAt, Instant registeredAt, Instant remindedFor) {

    public static final RegistrationFacts NONE = new RegistrationFacts(null, null, null, null, null, null, null);

    RegistrationFacts after(RegistrationChanged event) {
        Instant at = event.header().occurredAt();
        RegistrationTransition transition = event.transition();
        boolean becameRegistered = transition == RegistrationTransition.APPROVE
                || transition == RegistrationTransition.RELEASE;
        Instant expiry = transition.to() == RegistrationState.REGISTERED ? event.expiresAt() : null;
        return new RegistrationFacts(transition.to(), expiry, event.reasonCode(), event.reason(), at,
                becameRegistered ? at : registeredAt, remindedFor);
    }

    /** The reminder names the expiry date; one created REGISTERED gets its date from it. */
    RegistrationFacts reminded(Instant expiry) {
        return new RegistrationFacts(state, expiresAt == null ? expiry : expiresAt, reasonCode, reason, changedAt,
                registeredAt, expiry);
    }

    /** Whether the reminder for the current expiry date was sent. */
    public boolean remindedOfExpiry() {
        return expiresAt != null && expiresAt.equals(remindedFor);
    }
}
