package com.dealbridge.shareddeal.domain;

import com.dealbridge.sync.clock.SyncClock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The deal's lifecycle rules: the commands that change its shared fields (each checked against the sync policy
 * and recorded only when something changes), and the receiver's side of the policy — which fields an incoming
 * event changes, and whether its origin may.
 */
final class Lifecycle {

    private Lifecycle() {
    }

    static void checkCreation(SyncPolicy policy, Origin side, String introNote, String painOrOpportunity,
                              String nextSteps, PersonRef assignedRep) {
        if (introNote != null) {
            policy.checkCreation(SyncField.INTRO_NOTE, side);
        }
        if (painOrOpportunity != null) {
            policy.checkCreation(SyncField.PAIN_OR_OPPORTUNITY, side);
        }
        if (nextSteps != null) {
            policy.checkCreation(SyncField.NEXT_STEPS, side);
        }
        if (assignedRep != null) {
            policy.checkCreation(SyncField.ASSIGNED_REP, side);
        }
    }

    static boolean changeDetails(SharedDeal deal, DetailsChange change, SyncPolicy policy, SyncClock clock,
                                 Actor actor) {
        deal.requireNotWithdrawn();
        DealFacts facts = deal.facts();
        String newName = change.dealName() != null && !change.dealName().equals(facts.dealName())
                ? change.dealName() : null;
        BigDecimal newAmount = change.amount() != null
                && (facts.amount() == null || change.amount().compareTo(facts.amount()) != 0) ? change.amount() : null;
        String newCurrency = change.currency() != null && !change.currency().equals(facts.currency())
                ? change.currency() : null;
        LocalDate newCloseDate = change.closeDate() != null && !change.closeDate().equals(facts.closeDate())
                ? change.closeDate() : null;
        if (newName != null) {
            policy.checkChange(SyncField.DEAL_NAME, facts.side());
        }
        if (newAmount != null || newCurrency != null) {
            policy.checkChange(SyncField.AMOUNT, facts.side());
        }
        if (newCloseDate != null) {
            policy.checkChange(SyncField.CLOSE_DATE, facts.side());
        }
        if (newName == null && newAmount == null && newCurrency == null && newCloseDate == null) {
            return false;
        }
        deal.record(header -> new DealDetailsChanged(header, newName, newAmount, newCurrency, newCloseDate), clock,
                actor);
        return true;
    }

    static boolean changeStage(SharedDeal deal, Stage newStage, SyncPolicy policy, SyncClock clock, Actor actor) {
        Objects.requireNonNull(newStage, "stage");
        deal.requireNotWithdrawn();
        if (newStage == deal.facts().stage()) {
            return false;
        }
        policy.checkChange(SyncField.STAGE, deal.side());
        deal.record(header -> new DealStageChanged(header, newStage), clock, actor);
        return true;
    }

    static boolean changeProductInterest(SharedDeal deal, List<String> newProductIds, SyncPolicy policy,
                                         SyncClock clock, Actor actor) {
        deal.requireNotWithdrawn();
        List<String> distinct = newProductIds.stream().distinct().toList();
        if (distinct.equals(deal.facts().productIds())) {
            return false;
        }
        policy.checkChange(SyncField.PRODUCT_INTEREST, deal.side());
        deal.record(header -> new ProductInterestChanged(header, distinct), clock, actor);
        return true;
    }

    static boolean changeCompensationEligibility(SharedDeal deal, boolean eligible, SyncPolicy policy,
                                                 SyncClock clock, Actor actor) {
        deal.requireNotWithdrawn();
        if (eligible == deal.facts().partnerCompensationEligible()) {
            return false;
        }
        policy.checkChange(SyncField.PARTNER_COMPENSATION_ELIGIBLE, deal.side());
        deal.record(header -> new PartnerCompensationEligibilityChanged(header, eligible), clock, actor);
        return true;
    }

    static void publishQuote(SharedDeal deal, Quote quote, SyncPolicy policy, SyncClock clock, Actor actor) {
        deal.requireNotWithdrawn();
        policy.checkChange(SyncField.QUOTES, deal.side());
        if (deal.facts().quote(quote.id()).isPresent()) {
            throw new SyncRuleViolation("Deal " + deal.id() + " already has a quote " + quote.id());
        }
        if (quote.status() != QuoteStatus.PUBLISHED) {
            throw new IllegalArgumentException("a new quote is PUBLISHED, not " + quote.status());
        }
        deal.record(header -> new QuoteChanged(header, quote), clock, actor);
    }

    static Quote purchaseQuote(SharedDeal deal, String quoteId, SyncPolicy policy, SyncClock clock, Actor actor) {
        Quote quote = deal.facts().quote(quoteId).orElseThrow(() -> new UnknownQuoteException(deal.id().value(), quoteId));
        if (quote.status() == QuoteStatus.PURCHASED) {
            return quote;
        }
        deal.requireNotWithdrawn();
        policy.checkChange(SyncField.QUOTES, deal.side());
        boolean closes = deal.facts().stage() != Stage.CLOSED_WON;
        if (closes) {
            policy.checkChange(SyncField.STAGE, deal.side());
        }
        Quote purchased = quote.withStatus(QuoteStatus.PURCHASED);
        deal.record(header -> new QuoteChanged(header, purchased), clock, actor);
        if (closes) {
            deal.record(header -> new DealStageChanged(header, Stage.CLOSED_WON), clock, actor);
        }
        return purchased;
    }

    static boolean withdraw(SharedDeal deal, String reason, SyncClock clock, Actor actor) {
        if (deal.side() != Origin.PARTNER) {
            throw new SyncRuleViolation("only the partner withdraws a deal registration");
        }
        if (deal.facts().withdrawn()) {
            return false;
        }
        if (deal.facts().stage().isClosed()) {
            throw new SyncRuleViolation("Deal " + deal.id() + " is " + deal.facts().stage()
                    + ": a closed deal cannot be withdrawn");
        }
        deal.record(header -> new SharedDealWithdrawn(header, reason), clock, actor);
        return true;
    }

    /** @throws SyncRuleViolation the event's origin may not change a field the event changes */
    static void checkIncoming(SharedDealEvent event, SyncPolicy policy) {
        Origin origin = event.header().origin();
        RegistrationRules.checkIncoming(event);
        if (event instanceof SharedDealRegistered e) {
            if (e.introNote() != null) {
                policy.checkCreation(SyncField.INTRO_NOTE, origin);
            }
            if (e.painOrOpportunity() != null) {
                policy.checkCreation(SyncField.PAIN_OR_OPPORTUNITY, origin);
            }
            if (e.nextSteps() != null) {
                policy.checkCreation(SyncField.NEXT_STEPS, origin);
            }
            if (e.assignedRep() != null) {
                policy.checkCreation(SyncField.ASSIGNED_REP, origin);
            }
        } else if (event instanceof SharedDealAssigned) {
            policy.checkChange(SyncField.ASSIGNED_REP, origin);
        } else if (event instanceof DealDetailsChanged e) {
            if (e.dealName() != null) {
                policy.checkChange(SyncField.DEAL_NAME, origin);
            }
            if (e.amount() != null || e.currency() != null) {
                policy.checkChange(SyncField.AMOUNT, origin);
            }
            if (e.closeDate() != null) {
                policy.checkChange(SyncField.CLOSE_DATE, origin);
            }
        } else if (event instanceof DealStageChanged) {
            policy.checkChange(SyncField.STAGE, origin);
        } else if (event instanceof ProductInterestChanged) {
            policy.checkChange(SyncField.PRODUCT_INTEREST, origin);
        } else if (event instanceof PartnerCompensationEligibilityChanged) {
            policy.checkChange(SyncField.PARTNER_COMPENSATION_ELIGIBLE, origin);
        } else if (event instanceof QuoteChanged) {
            policy.checkChange(SyncField.QUOTES, origin);
        } else if (event instanceof SharedDealWithdrawn && origin != Origin.PARTNER) {
            throw new SyncRuleViolation("only the partner withdraws a deal registration, not the " + origin);
        }
    }
}
