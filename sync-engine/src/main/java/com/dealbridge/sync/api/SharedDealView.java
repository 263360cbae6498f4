package com.dealbridge.sync.api;

import com.dealbridge.sync.domain.PersonRef;
import com.dealbridge.sync.domain.SharedDeal;
import com.dealbridge.sync.store.SharedDealDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The shared deal resource, the same shape on both services (API.md). */
public record SharedDealView(String id, String dealId, String partnerId, String dealName, String amount,
                             String currency, LocalDate closeDate, String stage, String introNote,
                             String painOrOpportunity, String nextSteps, String welcomeNote,
                             List<ProductRef> productInterest, PersonRef assignedRep, PersonRef partnerOwner,
                             boolean partnerCompensationEligible, List<Object> quotes, String registeredBy,
                             String status, Banner banner, String syncState, Instant createdAt, Instant updatedAt) {

    public record ProductRef(String id, String name) {
    }

    public record Banner(String type, String message) {
    }

    public static SharedDealView of(SharedDealDocument document, Map<String, String> productNames) {
        SharedDeal deal = document.deal();
        List<ProductRef> products = deal.productIds().stream()
                .map(id -> new ProductRef(id, productNames.getOrDefault(id, id))).toList();
        return new SharedDealView(deal.id().value(), document.localDealId(), deal.partnerId(), deal.dealName(),
                deal.amount() == null ? null : deal.amount().toPlainString(), deal.currency(), deal.closeDate(),
                deal.stage().name(), deal.introNote(), deal.painOrOpportunity(), deal.nextSteps(),
                deal.welcomeNote(), products, deal.assignedRep(), deal.partnerOwner(),
                deal.partnerCompensationEligible(), List.of(), deal.registeredBy().name(), deal.status().name(),
                null, document.inSync() ? "IN_SYNC" : "PENDING", deal.createdAt(), deal.updatedAt());
    }
}
