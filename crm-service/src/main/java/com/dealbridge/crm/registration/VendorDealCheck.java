package com.dealbridge.crm.registration;

import com.dealbridge.crm.deal.CrmDeal;
import com.dealbridge.crm.deal.CrmDeals;
import com.dealbridge.crm.directory.Company;
import com.dealbridge.crm.directory.Directory;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.DealFacts;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.util.List;
import java.util.Optional;

/**
 * The CRM's conflict check of a partner's registration that has arrived: a domain the vendor already works in an
 * open deal of its own is not the partner's to register. Runs where {@link LastSlotCheck} runs (before a rep is
 * assigned, on every instance) and decides the registrations it decides; one on such a domain is revoked:
 * UNAVAILABLE with {@value #REASON_CODE} and a reason naming the domain only, recorded as a
 * {@code RegistrationChanged} that reaches the partner. The vendor's own deals are the CRM deals that are not shared,
 * or whose conversion by a rep has ended (withdrawn): a CRM deal of a partner's registration, or of an active
 * shared deal, is governed by the domain rules between partners instead. A rep's conversion is never checked (the rep
 * converts the vendor's own deal).
 */
public class VendorDealCheck {

    public static final String REASON_CODE = "DOMAIN_WORKED_BY_VENDOR";
    static final Actor PROGRAM = Actor.system("Partner program conflict check");

    private final SharedDeals sharedDeals;
    private final Directory directory;
    private final CrmDeals crmDeals;
    private final boolean enabled;

    VendorDealCheck(SharedDeals sharedDeals, Directory directory, CrmDeals crmDeals, ConflictCheckProperties rules) {
        this.sharedDeals = sharedDeals;
        this.directory = directory;
        this.crmDeals = crmDeals;
        this.enabled = rules.vendorDealsBlock();
    }

    static String reason(RegisteredDomain domain) {
        return "the vendor already works a deal with " + domain.value();
    }

    /**
     * Decides a partner registration that has arrived: revokes it when the vendor works its domain. Deciding again
     * (the sweep, or another instance) changes nothing once it is revoked or a rep works it.
     *
     * @return false when the registration was revoked here (no rep is assigned to it); true otherwise
     */
    public boolean keeps(SharedDealId id) {
        Optional<SharedDealDocument> found = enabled ? sharedDeals.find(id) : Optional.empty();
        if (found.isEmpty()) {
            return true;
        }
        DealFacts deal = found.get().deal().facts();
        RegisteredDomain domain = deal.registeredDomain();
        if (domain == null || !ArrivingRegistration.undecided(deal) || !worksDomain(domain, id)) {
            return true;
        }
        ArrivingRegistration.revoke(sharedDeals, id, REASON_CODE, reason(domain), PROGRAM);
        return false;
    }

    /** Whether an open deal of the vendor's own, other than this shared deal's, is on a company of the domain. */
    boolean worksDomain(RegisteredDomain domain, SharedDealId registration) {
        List<String> companies = directory.companiesOn(domain).stream().map(Company::id).toList();
        return crmDeals.openOnCompanies(companies).stream()
                .anyMatch(deal -> !registration.value().equals(deal.sharedDealId()) && vendorsOwn(deal));
    }

    private boolean vendorsOwn(CrmDeal deal) {
        if (!deal.isShared()) {
            return true;
        }
        return sharedDeals.find(new SharedDealId(deal.sharedDealId())).map(SharedDealDocument::deal)
                .map(shared -> shared.facts().registeredBy() == Origin.CRM && !shared.status().isActive())
                .orElse(false);
    }
}
