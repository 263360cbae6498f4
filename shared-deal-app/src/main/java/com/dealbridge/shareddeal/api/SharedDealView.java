package com.dealbridge.shareddeal.api;

import com.dealbridge.shareddeal.domain.DealFacts;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.Quote;
import com.dealbridge.shareddeal.domain.RegistrationState;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The shared deal resource, the same shape on both services (API.md).
 *
 * @param registrationState REGISTERED, PENDING, UNAVAILABLE, REJECTED, EXPIRED or WITHDRAWN
 * @param unavailableReason why the registration is UNAVAILABLE (naming no other partner) or REJECTED; null otherwise
 * @param unavailableAt     when it became UNAVAILABLE (its registration, or the vendor's revocation); null otherwise
 * @param registeredAt      when it became REGISTERED (its registration, an approval or a release); null before
 * @param expiresAt         when an open REGISTERED registration expires; null: it does not (or not yet set)
 * @param rejectionCode     the program's reason code of a REJECTED registration; null otherwise
 * @param unavailableCode   the program's reason code of an UNAVAILABLE registration the vendor moved there
 *                          ({@code CAPACITY_TAKEN}); null otherwise (also for one created UNAVAILABLE)
 */
public record SharedDealView(String id, String dealId, String partnerId, String dealName, String amount,
                             String currency, LocalDate closeDate, String stage, String introNote,
                             String painOrOpportunity, String nextSteps, String welcomeNote,
                             List<ProductRef> productInterest, PersonRef assignedRep, PersonRef partnerOwner,
                             boolean partnerCompensationEligible, List<QuoteView> quotes, String registeredBy,
                             String status, Banner banner, String syncState, String registrationState,
                             String registeredDomain, String unavailableReason, Instant unavailableAt,
                             Instant registeredAt, Instant createdAt, Instant updatedAt, Instant expiresAt,
                             String rejectionCode, String unavailableCode) {

    public record ProductRef(String id, String name) {
    }

    /**
     * @param type    CLOSED_WON, CLOSED_LOST or WITHDRAWN
     * @param message the banner's text in English
     * @param reason  the partner's reason of a withdrawal, when it gave one (pages word the banner in their own
     *                language from type and reason); null otherwise
     */
    public record Banner(String type, String message, String reason) {
    }

    public record QuoteView(String id, String title, String amount, String currency, String status,
                            List<LineItemView> lineItems) {

        public static QuoteView of(Quote quote) {
            return new QuoteView(quote.id(), quote.title(), quote.amount().toPlainString(), quote.currency(),
                    quote.status().name(), quote.lineItems().stream().map(item -> new LineItemView(item.productId(),
                            item.productName(), item.quantity(), item.unitPrice().toPlainString(),
                            item.amount().toPlainString())).toList());
        }
    }

    public record LineItemView(String productId, String productName, int quantity, String unitPrice, String amount) {
    }

    public static SharedDealView of(SharedDealDocument document, Map<String, String> productNames) {
        DealFacts deal = document.deal().facts();
        RegistrationState state = deal.registrationState();
        boolean unavailable = state == RegistrationState.UNAVAILABLE;
        // moved there by the vendor after its creation (a revocation), or created so
        boolean revoked = unavailable && deal.registration().state() == RegistrationState.UNAVAILABLE;
        List<ProductRef> products = deal.productIds().stream()
                .map(id -> new ProductRef(id, productNames.getOrDefault(id, id))).toList();
        return new SharedDealView(deal.id().value(), document.localDealId(), deal.partnerId(), deal.dealName(),
                deal.amount() == null ? null : deal.amount().toPlainString(), deal.currency(), deal.closeDate(),
                deal.stage().name(), deal.introNote(), deal.painOrOpportunity(), deal.nextSteps(),
                deal.welcomeNote(), products, deal.assignedRep(), deal.partnerOwner(),
                deal.partnerCompensationEligible(), deal.quotes().stream().map(QuoteView::of).toList(),
                deal.registeredBy().name(), deal.status().name(), banner(deal),
                document.inSync() ? "IN_SYNC" : "PENDING", state.name(),
                deal.registeredDomain() == null ? null : deal.registeredDomain().value(),
                deal.currentUnavailableReason(),
                revoked ? deal.registration().changedAt() : unavailable ? deal.createdAt() : null, registeredAt(deal),
                deal.createdAt(), deal.updatedAt(),
                state == RegistrationState.REGISTERED ? deal.registration().expiresAt() : null,
                state == RegistrationState.REJECTED ? deal.registration().reasonCode() : null,
                revoked ? deal.registration().reasonCode() : null);
    }

    private static Instant registeredAt(DealFacts deal) {
        if (deal.registration().registeredAt() != null) {
            return deal.registration().registeredAt();
        }
        return deal.createdRegistrationState() == RegistrationState.REGISTERED ? deal.createdAt() : null;
    }

    private static Banner banner(DealFacts deal) {
        com.dealbridge.shareddeal.domain.Banner banner = deal.banner();
        return banner == null ? null : new Banner(banner.type().name(), banner.message(),
                banner.type() == com.dealbridge.shareddeal.domain.DealStatus.WITHDRAWN ? deal.withdrawalReason() : null);
    }
}
