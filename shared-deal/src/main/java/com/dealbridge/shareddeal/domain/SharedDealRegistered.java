package com.dealbridge.shareddeal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A deal became shared: registered by a partner, or converted by a CRM rep.
 *
 * @param registeredDomain the company domain the registration holds (normalised); null for a domain-less one and in
 *                         registrations of senders older than registered domains
 * @param registrationState REGISTERED or UNAVAILABLE (never null: an older sender's registration is REGISTERED)
 * @param unavailableReason why it was created UNAVAILABLE; null when REGISTERED
 */
public record SharedDealRegistered(EventHeader header, Origin registeredBy, String dealName, BigDecimal amount,
                                   String currency, LocalDate closeDate, Stage stage, String introNote,
                                   String painOrOpportunity, String nextSteps, String welcomeNote,
                                   List<String> productIds, PersonRef partnerOwner, PersonRef assignedRep,
                                   String sourceType, RegisteredDomain registeredDomain,
                                   RegistrationState registrationState, String unavailableReason)
        implements SharedDealEvent {

    public SharedDealRegistered {
        productIds = List.copyOf(productIds);
        registrationState = registrationState == null ? RegistrationState.REGISTERED : registrationState;
    }

    /** A REGISTERED registration holding {@code registeredDomain}. */
    public SharedDealRegistered(EventHeader header, Origin registeredBy, String dealName, BigDecimal amount,
                                String currency, LocalDate closeDate, Stage stage, String introNote,
                                String painOrOpportunity, String nextSteps, String welcomeNote,
                                List<String> productIds, PersonRef partnerOwner, PersonRef assignedRep,
                                String sourceType, RegisteredDomain registeredDomain) {
        this(header, registeredBy, dealName, amount, currency, closeDate, stage, introNote, painOrOpportunity,
                nextSteps, welcomeNote, productIds, partnerOwner, assignedRep, sourceType, registeredDomain,
                RegistrationState.REGISTERED, null);
    }

    /** A registration without a company domain. */
    public SharedDealRegistered(EventHeader header, Origin registeredBy, String dealName, BigDecimal amount,
                                String currency, LocalDate closeDate, Stage stage, String introNote,
                                String painOrOpportunity, String nextSteps, String welcomeNote,
                                List<String> productIds, PersonRef partnerOwner, PersonRef assignedRep,
                                String sourceType) {
        this(header, registeredBy, dealName, amount, currency, closeDate, stage, introNote, painOrOpportunity,
                nextSteps, welcomeNote, productIds, partnerOwner, assignedRep, sourceType, null);
    }

    @Override
    public SharedDealRegistered withHeader(EventHeader header) {
        return new SharedDealRegistered(header, registeredBy, dealName, amount, currency, closeDate, stage, introNote,
                painOrOpportunity, nextSteps, welcomeNote, productIds, partnerOwner, assignedRep, sourceType,
                registeredDomain, registrationState, unavailableReason);
    }
}
