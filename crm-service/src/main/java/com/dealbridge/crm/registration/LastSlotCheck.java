package com.dealbridge.crm.registration;

import com.dealbridge.shareddeal.api.PartnerCapacity;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.DealFacts;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.registration.CapacityLedger;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The CRM's last word on a partner's registration: the partner service decided it in its own store, and a rep's
 * conversion for the same partner, decided in this one, may have taken the partner's last slot within the sync
 * delay. When the partner's registration has arrived, and before a rep is assigned to it, it claims its slot in this
 * side's {@link CapacityLedger} like a conversion does (the conditional write on the partner's ledger document, so
 * every crm-service instance and every conversion in flight agree); without a free slot it is revoked: UNAVAILABLE
 * with {@value #REASON_CODE}, recorded as a {@code RegistrationChanged} that reaches the partner. A CRM admin may
 * still release it (when a slot is free) or reject it.
 */
public class LastSlotCheck {

    public static final String REASON_CODE = "CAPACITY_TAKEN";
    static final String REASON = "the partner's last registration slot was taken by a deal the vendor registered"
            + " for it at the same time";
    static final Actor PROGRAM = Actor.system("Partner program capacity");

    private final SharedDeals sharedDeals;
    private final CapacityLedger ledger;
    private final PartnerCapacity capacity;

    LastSlotCheck(SharedDeals sharedDeals, CapacityLedger ledger, PartnerCapacity capacity) {
        this.sharedDeals = sharedDeals;
        this.ledger = ledger;
        this.capacity = capacity;
    }

    /**
     * Decides a partner registration that has arrived: keeps its slot or revokes it. Deciding again (the sweep, or
     * another instance) decides the same: a kept one's claim is counted from its deal, a revoked one is no longer
     * checked.
     *
     * @return whether the deal still holds its registration (a rep may be assigned to it)
     */
    public boolean keeps(SharedDealId id) {
        Optional<SharedDealDocument> found = sharedDeals.find(id);
        if (found.isEmpty()) {
            return false;
        }
        DealFacts deal = found.get().deal().facts();
        if (!ArrivingRegistration.undecided(deal)) {
            return deal.activelyRegistered();
        }
        OptionalInt limit = capacity.capacityLimit(deal.partnerId());
        if (limit.isEmpty()) {
            return true; // a partner unknown here: nothing to count against (as before the check)
        }
        if (ledger.claim(deal.partnerId(), id.value(), deal.registeredDomain(), limit.getAsInt(), false, null)
                .accepted()) {
            return true;
        }
        ArrivingRegistration.revoke(sharedDeals, id, REASON_CODE, REASON, PROGRAM);
        return false;
    }
}
