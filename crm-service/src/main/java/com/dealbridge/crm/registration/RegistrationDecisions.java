package com.dealbridge.crm.registration;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.ConflictException;
import com.dealbridge.kit.web.ForbiddenException;
import com.dealbridge.shareddeal.api.PartnerCapacity;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.api.SharedDealView;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.DealFacts;
import com.dealbridge.shareddeal.domain.RegistrationTransition;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.registration.CapacityLedger;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDealNotFoundException;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The vendor's registration decisions: a rep approves or rejects a PENDING registration and extends a REGISTERED
 * one's expiry; a CRM admin releases an UNAVAILABLE one (taking a capacity slot for its domain, decided in the store
 * like any registration) or rejects it. Illegal transitions are refused with 409 before anything is recorded.
 */
class RegistrationDecisions {

    private final SharedDeals sharedDeals;
    private final SharedDealQueries queries;
    private final CapacityLedger ledger;
    private final PartnerCapacity capacity;
    private final RegistrationExpiryProperties expiry;
    private final Clock clock;

    RegistrationDecisions(SharedDeals sharedDeals, SharedDealQueries queries, CapacityLedger ledger,
                          PartnerCapacity capacity, RegistrationExpiryProperties expiry, Clock clock) {
        this.sharedDeals = sharedDeals;
        this.queries = queries;
        this.ledger = ledger;
        this.capacity = capacity;
        this.expiry = expiry;
        this.clock = clock;
    }

    SharedDealView approve(Caller rep, String id, String reason) {
        return change(id, RegistrationTransition.APPROVE, null, reason, newExpiry(), repActor(rep));
    }

    SharedDealView reject(Caller caller, String id, String reasonCode, String reason) {
        return change(id, RegistrationTransition.REJECT, reasonCode, reason, null, actor(caller));
    }

    SharedDealView extend(Caller rep, String id, Instant expiresAt, String reason) {
        return change(id, RegistrationTransition.EXTEND, null, reason, expiresAt, repActor(rep));
    }

    /** Releases an UNAVAILABLE registration: it takes its domain and a slot when the partner has one (else 409). */
    SharedDealView release(Caller admin, String id, String reason) {
        DealFacts deal = find(id).deal().facts();
        boolean claimed = false;
        // an illegal release takes no slot: the change below refuses it with 409
        if (RegistrationTransition.RELEASE.allowedFrom(deal.registrationState()) && deal.status().isActive()) {
            int limit = capacity.capacityLimit(deal.partnerId()).orElseThrow(() -> new ConflictException(
                    "Partner " + deal.partnerId() + " is unknown here: its capacity cannot be checked"));
            CapacityLedger.Claim claim = ledger.claim(deal.partnerId(), id, deal.registeredDomain(), limit, false,
                    null);
            if (!claim.accepted()) {
                throw new ConflictException("Partner capacity reached", "The partner is at its capacity limit of "
                        + limit + " registered domain(s): releasing " + id + " would take another");
            }
            claimed = true;
        }
        try {
            return change(id, RegistrationTransition.RELEASE, null, reason, newExpiry(), actor(admin));
        } catch (RuntimeException refused) {
            if (claimed) {
                ledger.release(deal.partnerId(), id);
            }
            throw refused;
        }
    }

    private SharedDealView change(String id, RegistrationTransition transition, String reasonCode, String reason,
                                  Instant expiresAt, Actor actor) {
        SharedDealId sharedDealId = find(id).deal().id();
        SharedDealDocument saved = sharedDeals.change(sharedDealId, (document, syncClock) -> document.deal()
                .changeRegistration(transition, reasonCode, reason, expiresAt, syncClock, actor));
        return queries.views(List.of(saved)).get(0);
    }

    /** The expiry of a registration that becomes REGISTERED now; null when registrations do not expire. */
    private Instant newExpiry() {
        return expiry.expires() ? clock.instant().plus(Duration.ofDays(expiry.expiryDays())) : null;
    }

    private SharedDealDocument find(String id) {
        SharedDealId sharedDealId;
        try {
            sharedDealId = new SharedDealId(id);
        } catch (IllegalArgumentException notAnId) {
            throw new SharedDealNotFoundException(id);
        }
        return sharedDeals.find(sharedDealId).orElseThrow(() -> new SharedDealNotFoundException(id));
    }

    private static Actor repActor(Caller caller) {
        if (!caller.isCrmUser()) {
            throw new ForbiddenException("Only sales reps decide on pending registrations and expiry dates");
        }
        return new Actor(ActorType.CRM_USER, caller.id(), caller.name());
    }

    private static Actor actor(Caller caller) {
        if (caller.isAdmin()) {
            return new Actor(ActorType.SYSTEM, caller.id(), "CRM admin");
        }
        return repActor(caller);
    }
}
