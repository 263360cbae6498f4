package com.dealbridge.crm.conversion;

import com.dealbridge.crm.deal.CrmDeal;
import com.dealbridge.crm.deal.CrmDeals;
import com.dealbridge.crm.directory.Company;
import com.dealbridge.crm.directory.Directory;
import com.dealbridge.crm.partner.KnownPartner;
import com.dealbridge.crm.partner.KnownUser;
import com.dealbridge.crm.partner.PartnerDirectory;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.ConflictException;
import com.dealbridge.kit.web.FieldError;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.shareddeal.api.SharedDealCommands;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import com.dealbridge.shareddeal.domain.Registration;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.registration.Admissions;
import com.dealbridge.shareddeal.registration.RegistrationProperties;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Converts a CRM deal into a shared deal (user story 3): only with the rep's confirmation, for a deal with at least
 * one associated company and contact, for a partner with a free capacity slot for the company's domain (or already
 * holding it); UNAVAILABLE when another partner holds the domain; decided in the store so that every instance agrees
 * ({@link Admissions}). The converting rep is the assigned rep; the owner on the partner side is the chosen partner
 * user or the partner's lead-notification recipient.
 */
@Service
class Conversions {

    static final int MAX_WELCOME_NOTE = 4000;

    private final CrmDeals deals;
    private final PartnerDirectory partners;
    private final SharedDeals sharedDeals;
    private final SharedDealCommands commands;
    private final Directory directory;
    private final Admissions admissions;
    private final RegistrationProperties rules;

    Conversions(CrmDeals deals, PartnerDirectory partners, SharedDeals sharedDeals, SharedDealCommands commands,
                Directory directory, Admissions admissions, RegistrationProperties rules) {
        this.directory = directory;
        this.admissions = admissions;
        this.rules = rules;
        this.deals = deals;
        this.partners = partners;
        this.sharedDeals = sharedDeals;
        this.commands = commands;
    }

    /**
     * What the panel's review step shows: the request checked as {@link #convert} checks it before anything is
     * claimed (the fields, the deal's company and contact and domain, the partner and its contact, an open deal not
     * shared yet), with the names to show. Capacity is decided only by {@link #convert}, in the store.
     *
     * @param partner     the chosen partner
     * @param owner       the partner user who will own the deal (the chosen contact, or the partner's recipient)
     */
    record Review(CrmDeal deal, KnownPartner partner, PersonRef owner, String welcomeNote) {
    }

    Review review(String dealId, ConvertRequest request) {
        CrmDeal deal = deals.find(dealId).orElseThrow(() -> new NotFoundException("Deal " + dealId + " not found"));
        checkRequest(deal, request);
        KnownPartner partner = partners.find(request.partnerId()).orElseThrow(() ->
                UnprocessableException.of("partnerId", "no partner " + request.partnerId() + " is known to the CRM"));
        PersonRef owner = owner(partner, request.partnerContactId());
        Stage stage = Stage.valueOf(deal.stage());
        if (stage.isClosed()) {
            throw new ConflictException("Deal " + dealId + " is " + stage + ": only an open deal can be shared");
        }
        Optional<SharedDealDocument> shared = sharedDeals.findByLocalDealIds(List.of(dealId)).stream()
                .filter(document -> document.deal().status().isActive()).findFirst();
        if (shared.isPresent()) {
            throw new ConflictException("Deal " + dealId + " is already shared as " + shared.get().id());
        }
        registeredDomain(deal);
        return new Review(deal, partner, owner, blankToNull(request.welcomeNote()));
    }

    SharedDealDocument convert(Caller caller, String dealId, ConvertRequest request) {
        Actor actor = commands.actor(caller);
        Review review = review(dealId, request);
        CrmDeal deal = review.deal();
        KnownPartner partner = review.partner();
        PersonRef owner = review.owner();
        Stage stage = Stage.valueOf(deal.stage());
        RegisteredDomain domain = registeredDomain(deal);
        SharedDealId id = SharedDealId.random();
        Admissions.Admission admission = admissions.admit(partner.id(), partner.name(), id.value(), domain,
                partner.capacityLimit(), dealId);
        Registration registration = new Registration(id, partner.id(), Origin.CRM,
                deal.name(), deal.amount(), deal.currency(), deal.closeDate(), stage, null, null, null,
                review.welcomeNote(), List.of(), owner,
                new PersonRef(caller.id(), caller.name(), caller.email()), null, domain);
        SharedDealDocument registered;
        try {
            registered = sharedDeals.register(admission.apply(registration), actor, dealId);
        } catch (RuntimeException refused) {
            admissions.abandon(admission);
            throw refused;
        }
        deals.linkSharedDeal(dealId, registered.id());
        return registered;
    }

    /**
     * The domain of the deal's first associated company (a convertible deal has one; a company always has a
     * domain). A domain that cannot be registered is a 422 naming the company.
     */
    private RegisteredDomain registeredDomain(CrmDeal deal) {
        Company company = deal.companyIds().stream().findFirst().flatMap(directory::company).orElse(null);
        if (company == null) {
            if (!rules.allowDomainLess()) {
                throw UnprocessableException.of("companyIds", "the deal's company is unknown: this program"
                        + " registers deals by company domain");
            }
            return null;
        }
        try {
            return RegisteredDomain.of(company.domain());
        } catch (RegisteredDomain.InvalidDomainException e) {
            throw UnprocessableException.of("companyIds", "company " + company.name() + ": " + e.getMessage());
        }
    }

    /** Every problem with the request and the deal at once, each naming its field. */
    private static void checkRequest(CrmDeal deal, ConvertRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!Boolean.TRUE.equals(request.contactedPartnerConfirmed())) {
            errors.add(new FieldError("contactedPartnerConfirmed",
                    "must be true: confirm that you have contacted this partner"));
        }
        if (request.partnerId() == null || request.partnerId().isBlank()) {
            errors.add(new FieldError("partnerId", "must not be blank"));
        }
        if (request.welcomeNote() != null && request.welcomeNote().length() > MAX_WELCOME_NOTE) {
            errors.add(new FieldError("welcomeNote", "at most " + MAX_WELCOME_NOTE + " characters"));
        }
        if (deal.companyIds().isEmpty()) {
            errors.add(new FieldError("companyIds", "the deal has no associated company"));
        }
        if (deal.contactIds().isEmpty()) {
            errors.add(new FieldError("contactIds", "the deal has no associated contact"));
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException("Cannot convert deal " + deal.id() + ": " + errors.stream()
                    .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")), errors);
        }
    }

    private static PersonRef owner(KnownPartner partner, String partnerContactId) {
        String ownerId = partnerContactId == null || partnerContactId.isBlank()
                ? partner.notificationRecipientUserId() : partnerContactId;
        if (ownerId == null) {
            throw UnprocessableException.of("partnerContactId", "partner " + partner.name()
                    + " has no lead-notification recipient: choose a partner contact");
        }
        KnownUser user = partner.user(ownerId).orElseThrow(() -> UnprocessableException.of("partnerContactId",
                "is not a user of partner " + partner.name()));
        return new PersonRef(user.id(), user.name(), user.email());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
