package com.dealbridge.shareddeal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a side decides when it makes a deal shared.
 *
 * @param registeredDomain  the company domain the registration holds, normalised; null for a domain-less one
 * @param registrationState REGISTERED, UNAVAILABLE when another partner holds the domain, or PENDING approval
 * @param unavailableReason why it is UNAVAILABLE (naming no other partner); null when REGISTERED
 */
public record Registration(SharedDealId id, String partnerId, Origin registeredBy, String dealName, BigDecimal amount,
                          String currency, LocalDate closeDate, Stage stage, String introNote,
                          String painOrOpportunity, String nextSteps, String welcomeNote, List<String> productIds,
                          PersonRef partnerOwner, PersonRef assignedRep, String sourceType,
                          RegisteredDomain registeredDomain, RegistrationState registrationState,
                          String unavailableReason) {

    public Registration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(registeredBy, "registeredBy");
        Objects.requireNonNull(dealName, "dealName");
        Objects.requireNonNull(stage, "stage");
        productIds = productIds == null ? List.of() : List.copyOf(productIds);
        registrationState = registrationState == null ? RegistrationState.REGISTERED : registrationState;
        if (!registrationState.createdIn()) {
            throw new IllegalArgumentException("a registration is not created " + registrationState);
        }
        if ((registrationState == RegistrationState.UNAVAILABLE) != (unavailableReason != null)) {
            throw new IllegalArgumentException("an UNAVAILABLE registration, and only one, has a reason");
        }
    }

    /** A registration holding {@code registeredDomain} (REGISTERED). */
    public Registration(SharedDealId id, String partnerId, Origin registeredBy, String dealName, BigDecimal amount,
                        String currency, LocalDate closeDate, Stage stage, String introNote,
                        String painOrOpportunity, String nextSteps, String welcomeNote, List<String> productIds,
                        PersonRef partnerOwner, PersonRef assignedRep, String sourceType,
                        RegisteredDomain registeredDomain) {
        this(id, partnerId, registeredBy, dealName, amount, currency, closeDate, stage, introNote, painOrOpportunity,
                nextSteps, welcomeNote, productIds, partnerOwner, assignedRep, sourceType, registeredDomain,
                RegistrationState.REGISTERED, null);
    }

    /** This registration, created UNAVAILABLE for the given reason. */
    public Registration unavailable(String reason) {
        Objects.requireNonNull(reason, "reason");
        return new Registration(id, partnerId, registeredBy, dealName, amount, currency, closeDate, stage, introNote,
                painOrOpportunity, nextSteps, welcomeNote, productIds, partnerOwner, assignedRep, sourceType,
                registeredDomain, RegistrationState.UNAVAILABLE, reason);
    }

    /**
     * This registration, created PENDING: the program requires a rep's approval. An UNAVAILABLE one stays as it is
     * (it holds nothing to approve).
     */
    public Registration pending() {
        if (registrationState != RegistrationState.REGISTERED) {
            return this;
        }
        return new Registration(id, partnerId, registeredBy, dealName, amount, currency, closeDate, stage, introNote,
                painOrOpportunity, nextSteps, welcomeNote, productIds, partnerOwner, assignedRep, sourceType,
                registeredDomain, RegistrationState.PENDING, null);
    }

    /** A registration without a company domain. */
    public Registration(SharedDealId id, String partnerId, Origin registeredBy, String dealName, BigDecimal amount,
                        String currency, LocalDate closeDate, Stage stage, String introNote,
                        String painOrOpportunity, String nextSteps, String welcomeNote, List<String> productIds,
                        PersonRef partnerOwner, PersonRef assignedRep, String sourceType) {
        this(id, partnerId, registeredBy, dealName, amount, currency, closeDate, stage, introNote, painOrOpportunity,
                nextSteps, welcomeNote, productIds, partnerOwner, assignedRep, sourceType, null);
    }
}
