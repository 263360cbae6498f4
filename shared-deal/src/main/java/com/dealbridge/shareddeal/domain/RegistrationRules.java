package com.dealbridge.shareddeal.domain;

import com.dealbridge.sync.clock.SyncClock;

import java.time.Instant;
import java.util.Objects;

/**
 * The registration state machine's commands: the vendor (CRM side) moves a registration by a
 * {@link RegistrationTransition} legal from its state, on an open deal only; the partner side applies what arrives.
 */
final class RegistrationRules {

    private RegistrationRules() {
    }

    static void transition(SharedDeal deal, RegistrationTransition transition, String reasonCode, String reason,
                           Instant expiresAt, SyncClock clock, Actor actor) {
        Objects.requireNonNull(transition, "transition");
        requireOpenOnCrm(deal, transition.name());
        DealFacts facts = deal.facts();
        transition.check(facts.id().value(), facts.registrationState());
        if (transition == RegistrationTransition.SET_EXPIRY && facts.registration().expiresAt() != null) {
            throw new SyncRuleViolation("Deal " + facts.id() + " already expires at "
                    + facts.registration().expiresAt() + ": a rep extends it");
        }
        if (transition == RegistrationTransition.EXTEND && facts.registration().expiresAt() != null
                && !expiresAt.isAfter(facts.registration().expiresAt())) {
            throw new SyncRuleViolation("Deal " + facts.id() + " expires at " + facts.registration().expiresAt()
                    + ": an extension moves it later, not to " + expiresAt);
        }
        deal.record(header -> new RegistrationChanged(header, transition, reasonCode, reason, expiresAt), clock,
                actor);
    }

    /**
     * @param implicitExpiry the program's expiry of a registration that has no date of its own yet (the date its
     *                       creation implies); the reminder gives it that date on both sides
     * @return whether a reminder was recorded now: not when the current expiry date's reminder was already
     */
    static boolean remindOfExpiry(SharedDeal deal, Instant implicitExpiry, SyncClock clock, Actor actor) {
        requireOpenOnCrm(deal, "an expiry reminder");
        RegistrationFacts registration = deal.facts().registration();
        Instant expiresAt = registration.expiresAt() != null ? registration.expiresAt() : implicitExpiry;
        if (deal.facts().registrationState() != RegistrationState.REGISTERED || expiresAt == null
                || registration.remindedOfExpiry()) {
            return false;
        }
        deal.record(header -> new RegistrationExpiring(header, expiresAt), clock, actor);
        return true;
    }

    private static void requireOpenOnCrm(SharedDeal deal, String what) {
        if (deal.side() != Origin.CRM) {
            throw new SyncRuleViolation("only the vendor decides a registration's state: " + what
                    + " is the CRM's");
        }
        deal.requireNotWithdrawn();
        if (deal.facts().stage().isClosed()) {
            throw new SyncRuleViolation("Deal " + deal.id() + " is " + deal.facts().stage()
                    + ": a closed deal's registration no longer changes");
        }
    }

    /** @throws SyncRuleViolation the partner sent a registration decision, which is the vendor's */
    static void checkIncoming(SharedDealEvent event) {
        if ((event instanceof RegistrationChanged || event instanceof RegistrationExpiring)
                && event.header().origin() != Origin.CRM) {
            throw new SyncRuleViolation("only the vendor decides a registration's state, not the "
                    + event.header().origin());
        }
    }
}
