package com.dealbridge.partner.shareddeal;

import com.dealbridge.partner.deal.Deals;
import com.dealbridge.partner.deal.NewDeal;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SharedDeal;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.store.AppliedEventListener;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A deal a CRM rep registered for the partner (a converted deal) becomes a deal in the partner's account, linked to
 * the shared deal, so the tracking view lists it. The partner deal's id is derived from the shared deal id, so
 * doing it twice (redelivery, the sweep after a crash between the apply and the link) creates it once.
 */
@Component
class CrmRegisteredDeals implements AppliedEventListener {

    private static final Logger log = LoggerFactory.getLogger(CrmRegisteredDeals.class);

    private final SharedDeals sharedDeals;
    private final Deals deals;

    CrmRegisteredDeals(SharedDeals sharedDeals, Deals deals) {
        this.sharedDeals = sharedDeals;
        this.deals = deals;
    }

    @Override
    public void applied(SharedDealDocument document, SharedDealEvent event) {
        if (event instanceof SharedDealRegistered && document.localDealId() == null) {
            linkSafely(document.deal().id());
        }
    }

    /** Catches what a crash between the apply and the link left unlinked. */
    @Scheduled(fixedDelayString = "${dealbridge.partner.link-sweep-interval:10s}", initialDelay = 2000)
    void sweep() {
        sharedDeals.withoutLocalDeal(200).forEach(this::linkSafely);
    }

    private void linkSafely(SharedDealId id) {
        try {
            link(id);
        } catch (RuntimeException e) {
            log.warn("could not create the partner deal of shared deal {} yet (the sweep retries): {}", id,
                    e.toString());
        }
    }

    private void link(SharedDealId id) {
        boolean needed = sharedDeals.find(id).filter(document -> document.localDealId() == null
                && document.deal().facts().registeredBy() == Origin.CRM).isPresent();
        if (!needed) {
            return;
        }
        sharedDeals.change(id, (document, clock) -> {
            SharedDeal deal = document.deal();
            if (document.localDealId() != null || deal.facts().registeredBy() != Origin.CRM) {
                return;
            }
            String dealId = partnerDealIdFor(id);
            deals.ensure(deal.partnerId(), dealId, new NewDeal(deal.facts().dealName(), deal.facts().amount(), deal.facts().currency(),
                    deal.facts().closeDate(), List.of(), List.of()));
            document.linkLocalDeal(dealId);
        });
    }

    static String partnerDealIdFor(SharedDealId id) {
        return UUID.nameUUIDFromBytes(("partner-deal:" + id.value()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
