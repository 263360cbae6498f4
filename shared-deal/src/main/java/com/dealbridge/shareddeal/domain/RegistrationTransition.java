package com.dealbridge.shareddeal.domain;

import java.util.Set;

/**
 * The legal moves of a registration's state, each the vendor's decision (a rep, a CRM admin, or the program's expiry):
 * the only way a registration's state changes after its creation but the partner's withdrawal. Each names the states
 * it leaves from, so an illegal one is refused before anything is recorded.
 */
public enum RegistrationTransition {
    /** A rep approves a PENDING registration. */
    APPROVE(Set.of(RegistrationState.PENDING), RegistrationState.REGISTERED),
    /** A CRM admin releases an UNAVAILABLE registration: it takes the domain and a slot. */
    RELEASE(Set.of(RegistrationState.UNAVAILABLE), RegistrationState.REGISTERED),
    /** A rep rejects a PENDING registration, or an admin an UNAVAILABLE one, with a reason code. */
    REJECT(Set.of(RegistrationState.PENDING, RegistrationState.UNAVAILABLE), RegistrationState.REJECTED),
    /** The registration's expiry date is set (the program's expiry, counted from when it became REGISTERED). */
    SET_EXPIRY(Set.of(RegistrationState.REGISTERED), RegistrationState.REGISTERED),
    /** A rep moves the expiry date of a REGISTERED registration later. */
    EXTEND(Set.of(RegistrationState.REGISTERED), RegistrationState.REGISTERED),
    /** The expiry date passed while the deal was open: the domain and slot are free again. */
    EXPIRE(Set.of(RegistrationState.REGISTERED), RegistrationState.EXPIRED),
    /**
     * The vendor's count found the partner over its capacity when the partner's registration arrived (it and a rep's
     * conversion took the last slot at the same time, each in its own service's store): the CRM has the last word
     * and the later registration holds nothing any more, with a reason code (e.g. {@code CAPACITY_TAKEN}).
     */
    REVOKE(Set.of(RegistrationState.REGISTERED, RegistrationState.PENDING), RegistrationState.UNAVAILABLE);

    private final Set<RegistrationState> from;
    private final RegistrationState to;

    RegistrationTransition(Set<RegistrationState> from, RegistrationState to) {
        this.from = from;
        this.to = to;
    }

    public RegistrationState to() {
        return to;
    }

    /** Whether the move carries the program's reason code: a rejection and a revocation do, no other. */
    public boolean needsReasonCode() {
        return this == REJECT || this == REVOKE;
    }

    public boolean allowedFrom(RegistrationState state) {
        return from.contains(state);
    }

    /** @throws SyncRuleViolation the registration's state does not allow this transition */
    void check(String dealId, RegistrationState state) {
        if (!allowedFrom(state)) {
            throw new SyncRuleViolation("Deal " + dealId + " is " + state + ": " + name()
                    + " applies to a registration that is " + from);
        }
    }
}
