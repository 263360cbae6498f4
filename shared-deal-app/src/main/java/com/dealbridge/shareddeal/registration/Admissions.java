package com.dealbridge.shareddeal.registration;

import com.dealbridge.kit.web.ConflictException;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import com.dealbridge.shareddeal.domain.Registration;
import com.dealbridge.shareddeal.domain.RegistrationState;

/**
 * Decides, before a registration is made, in which state it is created, with what each service shares of the
 * program's rules: a domain another partner holds makes it UNAVAILABLE (it takes no capacity); otherwise it takes a
 * capacity slot for its domain or is refused (409). Domains are exclusive only when the program says so
 * ({@code dealbridge.registration.exclusive-domains}). Decisions are claims in the store ({@link DomainOwnership},
 * {@link CapacityLedger}), so instances agree; a service that does not go on with the registration
 * {@link #abandon}s the admission, freeing what it claimed.
 */
public class Admissions {

    private final DomainOwnership domains;
    private final CapacityLedger capacity;
    private final boolean exclusiveDomains;

    /** @param exclusiveDomains whether a domain another partner holds makes a registration UNAVAILABLE */
    public Admissions(DomainOwnership domains, CapacityLedger capacity, boolean exclusiveDomains) {
        this.domains = domains;
        this.capacity = capacity;
        this.exclusiveDomains = exclusiveDomains;
    }

    /** What a registration may be: its state and reason, and what it claimed. */
    public record Admission(String partnerId, String sharedDealId, RegisteredDomain domain, RegistrationState state,
                            String unavailableReason) {

        /** The registration as admitted: as given when REGISTERED, else UNAVAILABLE with the reason. */
        public Registration apply(Registration registration) {
            if (!registration.id().value().equals(sharedDealId)) {
                throw new IllegalArgumentException("admission of " + sharedDealId + " for " + registration.id());
            }
            return state == RegistrationState.UNAVAILABLE ? registration.unavailable(unavailableReason) : registration;
        }
    }

    /**
     * @param localDealId this side's existing deal the registration is made of (one active registration per deal), or
     *                    null when the service creates one for it
     * @throws ConflictException no capacity slot for the domain, or the local deal is registered already
     */
    public Admission admit(String partnerId, String partnerName, String sharedDealId, RegisteredDomain domain,
                           int capacityLimit, String localDealId) {
        if (exclusive(domain) && !domains.claim(domain, partnerId, sharedDealId)) {
            if (localDealId != null && !capacity.claimLocalDeal(partnerId, sharedDealId, localDealId)) {
                throw localDealTaken(localDealId);
            }
            return new Admission(partnerId, sharedDealId, domain, RegistrationState.UNAVAILABLE,
                    domain + " is already registered by another partner");
        }
        CapacityLedger.Claim claim;
        try {
            claim = capacity.claim(partnerId, sharedDealId, domain, capacityLimit, false, localDealId);
        } catch (RuntimeException e) {
            releaseDomain(exclusive(domain) ? domain : null, sharedDealId);
            throw e;
        }
        if (!claim.accepted()) {
            releaseDomain(exclusive(domain) ? domain : null, sharedDealId);
            if (claim.localDealTaken()) {
                throw localDealTaken(localDealId);
            }
            throw new ConflictException("Partner capacity reached", "Partner " + partnerName
                    + " is at its capacity limit of " + capacityLimit + " registered domain(s)"
                    + (domain == null ? "" : ": " + domain + " would take another"));
        }
        return new Admission(partnerId, sharedDealId, domain, RegistrationState.REGISTERED, null);
    }

    /** The registration was not made after all: frees what its admission claimed. */
    public void abandon(Admission admission) {
        capacity.release(admission.partnerId(), admission.sharedDealId());
        if (admission.state() == RegistrationState.REGISTERED && exclusive(admission.domain())) {
            releaseDomain(admission.domain(), admission.sharedDealId());
        }
    }

    private boolean exclusive(RegisteredDomain domain) {
        return exclusiveDomains && domain != null;
    }

    private void releaseDomain(RegisteredDomain domain, String sharedDealId) {
        if (domain != null) {
            domains.release(domain, sharedDealId);
        }
    }

    private static ConflictException localDealTaken(String localDealId) {
        return new ConflictException("Deal " + localDealId + " already has an active registration");
    }
}
