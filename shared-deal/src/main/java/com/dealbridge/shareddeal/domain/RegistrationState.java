package com.dealbridge.shareddeal.domain;

/**
 * Where a deal registration stands in the partner program, beside the deal's own outcome ({@link DealStatus}):
 * {@code REGISTERED} holds its company domain for the partner and uses capacity; {@code UNAVAILABLE} was created
 * while another partner held the domain (with the reason and the moment) and holds nothing; {@code WITHDRAWN}
 * follows the partner's withdrawal of either.
 */
public enum RegistrationState {
    REGISTERED,
    UNAVAILABLE,
    WITHDRAWN;

    /** The state a registration is created in, for the wire value; null (an older sender) is REGISTERED. */
    public static RegistrationState atCreation(String name) {
        if (name == null) {
            return REGISTERED;
        }
        RegistrationState state = valueOf(name);
        if (state == WITHDRAWN) {
            throw new IllegalArgumentException("a registration is not created WITHDRAWN");
        }
        return state;
    }

    /** Whether the registration holds its domain (or, domain-less, a capacity slot) while the deal is active. */
    public boolean isRegistered() {
        return this == REGISTERED;
    }
}
