package com.dealbridge.crm.registration;

import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.DealFacts;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.RegistrationTransition;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.store.SharedDeals;

/**
 * What the CRM's checks of a partner's registration that has arrived ({@link VendorDealCheck}, {@link LastSlotCheck})
 * have in common: which registrations they decide, and how one is revoked so that deciding again changes nothing.
 */
final class ArrivingRegistration {

    private ArrivingRegistration() {
    }

    /**
     * A registration the partner made, holding a slot as it was created (no transition since: a released one took
     * its slot on this side already), open and not yet worked by a rep.
     */
    static boolean undecided(DealFacts deal) {
        return deal.registeredBy() == Origin.PARTNER && deal.assignedRep() == null && deal.activelyRegistered()
                && deal.registration().state() == null && !deal.stage().isClosed()
                && RegistrationTransition.REVOKE.allowedFrom(deal.registrationState());
    }

    /** REVOKE → UNAVAILABLE with the code and reason, unless another instance or the partner moved it first. */
    static void revoke(SharedDeals sharedDeals, SharedDealId id, String reasonCode, String reason, Actor actor) {
        sharedDeals.change(id, (document, clock) -> {
            // decided again on the deal as stored: another instance may have revoked it, or the partner withdrawn it
            if (undecided(document.deal().facts())) {
                document.deal().changeRegistration(RegistrationTransition.REVOKE, reasonCode, reason, null, clock,
                        actor);
            }
        });
    }
}
