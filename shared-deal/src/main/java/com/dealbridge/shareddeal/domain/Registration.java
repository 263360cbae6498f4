package com.dealbridge.shareddeal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a side decides when it makes a deal shared.
 *
 * @param registeredDomain the company domain the registration holds, normalised; null for a domain-less one
 */
public record Registration(SharedDealId id, String partnerId, Origin registeredBy, String dealName, BigDecimal amount,
                          String currency, LocalDate closeDate, Stage stage, String introNote,
                          String painOrOpportunity, String nextSteps, String welcomeNote, List<String> productIds,
                          PersonRef partnerOwner, PersonRef assignedRep, String sourceType,
                          RegisteredDomain registeredDomain) {

    /** A registration without a company domain. */
    public Registration(SharedDealId id, String partnerId, Origin registeredBy, String dealName, BigDecimal amount,
                        String currency, LocalDate closeDate, Stage stage, String introNote,
                        String painOrOpportunity, String nextSteps, String welcomeNote, List<String> productIds,
                        PersonRef partnerOwner, PersonRef assignedRep, String sourceType) {
        this(id, partnerId, registeredBy, dealName, amount, currency, closeDate, stage, introNote, painOrOpportunity,
                nextSteps, welcomeNote, productIds, partnerOwner, assignedRep, sourceType, null);
    }

    public Registration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(registeredBy, "registeredBy");
        Objects.requireNonNull(dealName, "dealName");
        Objects.requireNonNull(stage, "stage");
        productIds = productIds == null ? List.of() : List.copyOf(productIds);
    }
}
