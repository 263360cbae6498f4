package com.dealbridge.crm.deal;

import com.dealbridge.shareddeal.store.LocalDealMirror;
import org.springframework.stereotype.Component;

/**
 * The CRM deal of a shared deal shows its name, amount, currency, close date and stage, and is owned by its assigned
 * rep: a purchase moves the CRM deal to CLOSED_WON, a partner's stage edit shows in the CRM's pipeline, an
 * assignment shows in the deals list's owner filter.
 */
@Component
class SharedDealMirror extends LocalDealMirror {

    private final CrmDeals deals;

    SharedDealMirror(CrmDeals deals) {
        this.deals = deals;
    }

    @Override
    protected void mirror(String partnerId, String localDealId, Mirrored mirrored, long sharedDealVersion) {
        deals.mirror(localDealId, mirrored.dealName(), mirrored.amount(), mirrored.currency(), mirrored.closeDate(),
                mirrored.stage() == null ? null : mirrored.stage().name(), mirrored.assignedRepId(), sharedDealVersion);
    }
}
