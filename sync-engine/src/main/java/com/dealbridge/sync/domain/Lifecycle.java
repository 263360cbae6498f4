package com.dealbridge.sync.domain;

/** The receiver's side of the sync policy: which fields an incoming event changes, and whether its origin may. */
final class Lifecycle {

    private Lifecycle() {
    }

    /** @throws SyncRuleViolation the event's origin may not change a field the event changes */
    static void checkIncoming(SharedDealEvent event, SyncPolicy policy) {
        Origin origin = event.header().origin();
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
