package com.dealbridge.partner.deal;

import com.dealbridge.shareddeal.store.LocalDealMirror;
import org.springframework.stereotype.Component;

/** A registered deal's own record shows the shared deal's name, amount, currency and close date. */
@Component
class SharedDealMirror extends LocalDealMirror {

    private final Deals deals;

    SharedDealMirror(Deals deals) {
        this.deals = deals;
    }

    @Override
    protected void mirror(String partnerId, String localDealId, Mirrored mirrored, long sharedDealVersion) {
        deals.mirror(partnerId, localDealId, mirrored.dealName(), mirrored.amount(), mirrored.currency(),
                mirrored.closeDate(), sharedDealVersion);
    }
}
