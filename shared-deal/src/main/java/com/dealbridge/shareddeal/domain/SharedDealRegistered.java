package com.dealbridge.shareddeal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A deal became shared: registered by a partner, or converted by a CRM rep. */
public record SharedDealRegistered(EventHeader header, Origin registeredBy, String dealName, BigDecimal amount,
                                   String currency, LocalDate closeDate, Stage stage, String introNote,
                                   String painOrOpportunity, String nextSteps, String welcomeNote,
                                   List<String> productIds, PersonRef partnerOwner, PersonRef assignedRep,
                                   String sourceType) implements SharedDealEvent {

    public SharedDealRegistered {
        productIds = List.copyOf(productIds);
    }

    @Override
    public SharedDealRegistered withHeader(EventHeader header) {
        return new SharedDealRegistered(header, registeredBy, dealName, amount, currency, closeDate, stage, introNote, painOrOpportunity, nextSteps, welcomeNote, productIds, partnerOwner, assignedRep, sourceType);
    }
}
