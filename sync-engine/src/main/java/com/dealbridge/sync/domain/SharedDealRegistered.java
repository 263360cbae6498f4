package com.dealbridge.sync.domain;

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
}
