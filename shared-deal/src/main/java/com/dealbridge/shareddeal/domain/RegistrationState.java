package com.dealbridge.shareddeal.domain;

/**
 * Where a deal registration stands in the partner program, beside the deal's own outcome ({@link DealStatus}):
 * {@code REGISTERED} holds its company domain for the partner and uses capacity; {@code PENDING} waits for a rep's
 * approval (programs that require it) and holds its domain and slot meanwhile, so an approval never finds the slot
 * gone; {@code UNAVAILABLE} was created while another partner held the domain (with the reason and the moment) and
 * holds nothing; {@code REJECTED} and {@code EXPIRED} hold nothing any more; {@code WITHDRAWN} follows the
 * partner's withdrawal of any of them. Which state may follow which is {@link RegistrationTransition}'s.
 */
public enum RegistrationState {
    REGISTERED,
    UNAVAILABLE,
    PENDING,
    REJECTED,
    EXPIRED,
    WITHDRAWN;

    /** The state a registration is created in, for the wire value; null (an older sender) is REGISTERED. */
    public static RegistrationState atCreation(String name) {
        if (name == null) {
            return REGISTERED;
        }
        RegistrationState state = valueOf(name);
        if (!state.createdIn()) {
            throw new IllegalArgumentException("a registration is not created " + state);
        }
        return state;
    }

    /** Whether a registration may start in this state: REGISTERED, UNAVAILABLE or PENDING. */
    public boolean createdIn() {
        return this == REGISTERED || this == UNAVAILABLE || this == PENDING;
    }

    /**
     * Whether the registration holds its domain (or, domain-less, a capacity slot) while the deal is active:
     * REGISTERED, and PENDING, which reserves what its approval needs.
     */
    public boolean isRegistered() {
        return this == REGISTERED || this == PENDING;
    }
}
