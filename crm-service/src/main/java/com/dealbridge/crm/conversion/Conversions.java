package com.dealbridge.crm.conversion;

import com.dealbridge.crm.deal.CrmDeal;
import com.dealbridge.crm.deal.CrmDeals;
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
import com.dealbridge.shareddeal.domain.Registration;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Converts a CRM deal into a shared deal (user story 3): only with the rep's confirmation, for a deal with at least
 * one associated company and contact, for a partner under its capacity limit. The converting rep is the assigned
 * rep; the owner on the partner side is the chosen partner user or the partner's lead-notification recipient.
 */
@Service
class Conversions {

    static final int MAX_WELCOME_NOTE = 4000;

    private final CrmDeals deals;
    private final PartnerDirectory partners;
    private final SharedDeals sharedDeals;
    private final SharedDealCommands commands;
    /** One conversion at a time per partner, so two concurrent ones cannot both take the last free slot. */
    private final ConcurrentHashMap<String, Object> partnerLocks = new ConcurrentHashMap<>();

    Conversions(CrmDeals deals, PartnerDirectory partners, SharedDeals sharedDeals, SharedDealCommands commands) {
        this.deals = deals;
        this.partners = partners;
        this.sharedDeals = sharedDeals;
        this.commands = commands;
    }

    SharedDealDocument convert(Caller caller, String dealId, ConvertRequest request) {
        Actor actor = commands.actor(caller);
        CrmDeal deal = deals.find(dealId).orElseThrow(() -> new NotFoundException("Deal " + dealId + " not found"));
        checkRequest(deal, request);
        KnownPartner partner = partners.find(request.partnerId()).orElseThrow(() ->
                UnprocessableException.of("partnerId", "no partner " + request.partnerId() + " is known to the CRM"));
        PersonRef owner = owner(partner, request.partnerContactId());
        Stage stage = Stage.valueOf(deal.stage());
        if (stage.isClosed()) {
            throw new ConflictException("Deal " + dealId + " is " + stage + ": only an open deal can be shared");
        }
        synchronized (partnerLocks.computeIfAbsent(partner.id(), id -> new Object())) {
            Optional<SharedDealDocument> shared = sharedDeals.findByLocalDealIds(List.of(dealId)).stream()
                    .filter(document -> document.deal().status().isActive()).findFirst();
            if (shared.isPresent()) {
                throw new ConflictException("Deal " + dealId + " is already shared as " + shared.get().id());
            }
            long active = sharedDeals.countActive(partner.id());
            if (active >= partner.capacityLimit()) {
                throw new ConflictException("Partner capacity reached", "Partner " + partner.name()
                        + " is at its capacity limit of " + partner.capacityLimit()
                        + " active deal registration(s)");
            }
            Registration registration = new Registration(SharedDealId.random(), partner.id(), Origin.CRM,
                    deal.name(), deal.amount(), deal.currency(), deal.closeDate(), stage, null, null, null,
                    blankToNull(request.welcomeNote()), List.of(), owner,
                    new PersonRef(caller.id(), caller.name(), caller.email()), null);
            SharedDealDocument registered = sharedDeals.register(registration, actor, dealId);
            deals.linkSharedDeal(dealId, registered.id());
            return registered;
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
