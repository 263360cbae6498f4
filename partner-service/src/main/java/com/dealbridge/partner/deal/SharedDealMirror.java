package com.dealbridge.partner.deal;

import com.dealbridge.shareddeal.domain.SharedDeal;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.store.AppliedEventListener;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import org.springframework.stereotype.Component;

/**
 * Keeps a registered deal's own record (name, amount, currency, close date) in line with its shared deal after
 * either side changed them, so the deal list and the tracking view show what the Shared deal card shows.
 */
@Component
class SharedDealMirror implements AppliedEventListener {

    private final Deals deals;

    SharedDealMirror(Deals deals) {
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
        deals.mirror(deal.partnerId(), document.localDealId(), deal.facts().dealName(), deal.facts().amount(), deal.facts().currency(),
                deal.facts().closeDate(), document.version());
    }
}
