package com.dealbridge.partner.shareddeal;

import com.dealbridge.kit.money.Money;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.ConflictException;
import com.dealbridge.kit.web.FieldError;
import com.dealbridge.kit.web.ForbiddenException;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.partner.account.Partner;
import com.dealbridge.partner.account.PartnerAccounts;
import com.dealbridge.partner.catalogue.Catalogue;
import com.dealbridge.partner.deal.Deal;
import com.dealbridge.partner.deal.Deals;
import com.dealbridge.partner.deal.NewDeal;
import com.dealbridge.partner.directory.Company;
import com.dealbridge.partner.directory.Contact;
import com.dealbridge.partner.directory.Directory;
import com.dealbridge.shareddeal.api.SharedDealCommands;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.Limits;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import com.dealbridge.shareddeal.domain.Registration;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.registration.Admissions;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Registers a partner's lead as a shared deal: checks the source record and the products, finds the company domain
 * it registers, creates it UNAVAILABLE when another partner holds that domain or keeps the partner within its
 * capacity of registered domains (decided in the store, so every instance agrees: {@link Admissions}), links (or
 * creates) the partner's own deal, and hands the registration to the sync engine.
 */
@Service
class SharedDealRegistrations {

    private final SharedDeals sharedDeals;
    private final PartnerAccounts accounts;
    private final Directory directory;
    private final Deals deals;
    private final Catalogue catalogue;
    private final SharedDealQueries queries;
    private final SharedDealCommands commands;
    private final CompanyDomains domains;
    private final Admissions admissions;
    private final ApprovalProperties approval;

    SharedDealRegistrations(SharedDeals sharedDeals, PartnerAccounts accounts, Directory directory, Deals deals,
                            Catalogue catalogue, SharedDealQueries queries, SharedDealCommands commands,
                            CompanyDomains domains, Admissions admissions, ApprovalProperties approval) {
        this.approval = approval;
        this.domains = domains;
        this.admissions = admissions;
        this.queries = queries;
        this.commands = commands;
        this.sharedDeals = sharedDeals;
        this.accounts = accounts;
        this.directory = directory;
        this.deals = deals;
        this.catalogue = catalogue;
    }

    SharedDealDocument register(Caller caller, RegistrationRequest request) {
        if (!caller.isPartnerUser()) {
            throw new ForbiddenException("Only partner users register shared deals");
        }
        Partner partner = accounts.find(caller.partnerId())
                .orElseThrow(() -> new NotFoundException("No partner " + caller.partnerId()));
        checkValues(request);
        List<String> productIds = request.productIdsOrEmpty();
        Set<String> unknown = catalogue.unknown(productIds);
        if (!unknown.isEmpty()) {
            throw UnprocessableException.of("productIds", "unknown product(s) " + unknown);
        }
        Source source = source(partner.id(), request);
        SharedDealId id = SharedDealId.random();
        Admissions.Admission admission = admissions.admit(partner.id(), partner.name(), id.value(), source.domain(),
                partner.capacityLimit(), source.deal() == null ? null : source.deal().id());
        Deal localDeal = null;
        try {
            localDeal = source.deal() != null ? source.deal() : deals.create(partner.id(), newDeal(request,
                    source.contactIds(), source.companyIds()));
            Registration registration = new Registration(id, partner.id(), Origin.PARTNER,
                    request.dealName(), request.amount(), request.currencyOrDefault(), request.closeDate(),
                    Stage.APPOINTMENT_SCHEDULED, request.introNote(), request.painOrOpportunity(),
                    request.nextSteps(), null, productIds,
                    new PersonRef(caller.id(), caller.name(), caller.email()), null, request.sourceType().name(),
                    source.domain());
            Registration admitted = admission.apply(registration);
            return sharedDeals.register(approval.requiresApproval() ? admitted.pending() : admitted, actor(caller),
                    localDeal.id());
        } catch (RuntimeException refused) {
            // a refused registration leaves nothing: not its claims, not the deal made for it
            admissions.abandon(admission);
            if (localDeal != null && source.deal() == null) {
                deals.remove(partner.id(), localDeal.id());
            }
            throw refused;
        }
    }

    /**
     * What the request's annotations cannot say, checked before anything is written: the close date's years and
     * the currency (the domain's limits, as the other side checks them when the registration arrives).
     */
    private static void checkValues(RegistrationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Limits.amount(request.amount()).ifPresent(problem -> errors.add(new FieldError("amount", problem)));
        Limits.date(request.closeDate()).ifPresent(problem -> errors.add(new FieldError("closeDate", problem)));
        if (!Money.isCurrency(request.currencyOrDefault())) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code such as USD"));
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException("The registration is invalid; see 'errors'", errors);
        }
    }

    /**
     * What the registration starts from: the source deal (DEAL), or what a new deal for a contact or company is
     * made of; and the company domain it registers.
     */
    private record Source(Deal deal, List<String> contactIds, List<String> companyIds, RegisteredDomain domain) {
    }

    private Source source(String partnerId, RegistrationRequest request) {
        String sourceId = request.sourceId();
        switch (request.sourceType()) {
            case DEAL -> {
                Deal deal = deals.find(partnerId, sourceId).orElseThrow(() -> notFound("deal", sourceId));
                boolean registered = sharedDeals.findByLocalDealIds(List.of(deal.id())).stream()
                        .anyMatch(d -> d.deal().status().isActive());
                if (registered) {
                    throw new ConflictException("Deal " + deal.id() + " already has an active registration");
                }
                return new Source(deal, deal.contactIds(), deal.companyIds(), domains.of(partnerId, deal));
            }
            case CONTACT -> {
                Contact contact = directory.contact(partnerId, sourceId).orElseThrow(() -> notFound("contact", sourceId));
                List<String> companies = contact.companyId() == null ? List.of() : List.of(contact.companyId());
                return new Source(null, List.of(contact.id()), companies, domains.of(partnerId, contact));
            }
            default -> {
                Company company = directory.company(partnerId, sourceId).orElseThrow(() -> notFound("company", sourceId));
                return new Source(null, List.of(), List.of(company.id()), domains.of(partnerId, company));
            }
        }
    }

    private static NewDeal newDeal(RegistrationRequest request, List<String> contactIds, List<String> companyIds) {
        return new NewDeal(request.dealName(), request.amount(), request.currencyOrDefault(), request.closeDate(),
                contactIds, companyIds);
    }

    private static UnprocessableException notFound(String type, String id) {
        return UnprocessableException.of("sourceId", "no " + type + " " + id + " in your account");
    }

    /** Withdraws a registration (final); withdrawing again changes nothing. */
    void withdraw(Caller caller, String sharedDealId, String reason) {
        Actor actor = commands.actor(caller);
        if (reason != null && reason.length() > Limits.REASON_CHARS) {
            throw UnprocessableException.of("reason", "at most " + Limits.REASON_CHARS + " characters");
        }
        SharedDealDocument visible = queries.visible(caller, sharedDealId);
        String trimmed = reason == null || reason.isBlank() ? null : reason.trim();
        sharedDeals.change(visible.deal().id(), (document, clock) -> document.deal().withdraw(trimmed, clock, actor));
    }

    private static Actor actor(Caller caller) {
        return new Actor(ActorType.PARTNER_USER, caller.id(), caller.name());
    }
}
