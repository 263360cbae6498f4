package com.dealbridge.crm.deal;

import com.dealbridge.shareddeal.domain.SharedDeal;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.store.AppliedEventListener;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import org.springframework.stereotype.Component;

/**
 * Keeps the CRM deal of a shared deal (name, amount, currency, close date, stage) in line with the shared deal
 * after either side changed them: a purchase moves the CRM deal to CLOSED_WON, a partner's stage edit shows in the
 * CRM's pipeline.
 */
@Component
class SharedDealMirror implements AppliedEventListener {

    private final CrmDeals deals;

    SharedDealMirror(CrmDeals deals) {
        this.deals = deals;
    }

    @Override
    public void applied(SharedDealDocument document, SharedDealEvent event) {
        // saved(...) covers it
    }

    @Override
    public void saved(SharedDealDocument document) {
        if (document.localDealId() == null || document.version() == null) {
            return;
        }
        SharedDeal deal = document.deal();
        deals.mirror(document.localDealId(), deal.facts().dealName(), deal.facts().amount(), deal.facts().currency(), deal.facts().closeDate(),
                deal.facts().stage().name(), document.version());
    }
}
