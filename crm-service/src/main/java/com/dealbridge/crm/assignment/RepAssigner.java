package com.dealbridge.crm.assignment;

import com.dealbridge.crm.deal.CrmDeals;
import com.dealbridge.crm.rep.SalesRep;
import com.dealbridge.crm.rep.SalesReps;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.SharedDeal;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.SharedDealSnapshot;
import com.dealbridge.shareddeal.store.AppliedEventListener;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Registers each partner registration in the CRM and assigns it to the least-loaded active rep. Decisions run
 * one at a time on a single thread, so concurrent registrations never read the same loads and pick the same
 * rep. Woken as soon as a registration is applied; a sweep catches what a crash or a rep-less moment left.
 */
@Component
@EnableConfigurationProperties(AssignmentProperties.class)
class RepAssigner implements AppliedEventListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RepAssigner.class);
    static final Actor ASSIGNMENT = Actor.system("Lead assignment");

    private final SharedDeals sharedDeals;
    private final SalesReps reps;
    private final CrmDeals crmDeals;
    private final ExecutorService decisions = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rep-assigner");
        thread.setDaemon(true);
        return thread;
    });

    RepAssigner(SharedDeals sharedDeals, SalesReps reps, CrmDeals crmDeals) {
        this.sharedDeals = sharedDeals;
        this.reps = reps;
        this.crmDeals = crmDeals;
    }

    @Override
    public void applied(SharedDealDocument document, SharedDealEvent event) {
        if (event instanceof SharedDealRegistered && document.deal().facts().assignedRep() == null) {
            decisions.execute(() -> assignSafely(document.deal().id()));
        } else if (event instanceof SharedDealSnapshot && document.localDealId() == null) {
            // a replica rebuilt by a resync: link it to its CRM deal again (or create one), assigning if need be
            decisions.execute(() -> relinkSafely(document.deal().id()));
        }
    }

    private void relinkSafely(SharedDealId id) {
        try {
            sharedDeals.change(id, (document, clock) -> {
                if (document.localDealId() != null) {
                    return;
                }
                SharedDeal deal = document.deal();
                String crmDealId = crmDeals.idForSharedDeal(id.value()).orElseGet(() -> crmDealIdFor(id));
                crmDeals.upsertForSharedDeal(crmDealId, id.value(), deal.facts().dealName(), deal.facts().amount(), deal.facts().currency(),
                        deal.facts().closeDate(), deal.facts().stage().name());
                document.linkLocalDeal(crmDealId);
            });
            assignSafely(id);
        } catch (RuntimeException e) {
            log.warn("could not link the resynced deal {} to a CRM deal: {}", id, e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${dealbridge.crm.assignment.sweep-interval:10s}", initialDelay = 1000)
    void sweep() {
        sharedDeals.activeWithoutRep(500).forEach(id -> decisions.execute(() -> assignSafely(id)));
    }

    private void assignSafely(SharedDealId id) {
        try {
            assign(id);
        } catch (RuntimeException e) {
            log.warn("could not assign deal {} yet (the sweep will retry): {}", id, e.toString());
        }
    }

    /** Creates the CRM deal (idempotent) and records the assignment in the same write as its event. */
    private void assign(SharedDealId id) {
        sharedDeals.change(id, (document, clock) -> {
            SharedDeal deal = document.deal();
            // an UNAVAILABLE registration is not registered: no rep works it
            if (deal.facts().assignedRep() != null || !deal.facts().activelyRegistered()) {
                return;
            }
            Optional<SalesRep> rep = LeastLoadedRep.pick(reps.active(), sharedDeals.activeDealsPerRep());
            if (rep.isEmpty()) {
                log.warn("no active sales rep to assign deal {} to; it stays unassigned until one exists", id);
                return;
            }
            String crmDealId = crmDealIdFor(id);
            crmDeals.upsertForSharedDeal(crmDealId, id.value(), deal.facts().dealName(), deal.facts().amount(), deal.facts().currency(),
                    deal.facts().closeDate(), deal.facts().stage().name());
            document.linkLocalDeal(crmDealId);
            SalesRep chosen = rep.get();
            deal.assign(new PersonRef(chosen.id(), chosen.name(), chosen.email()), clock, ASSIGNMENT);
        });
    }

    /** Derived from the shared deal id, so a repeated attempt upserts the same CRM deal. */
    static String crmDealIdFor(SharedDealId id) {
        return UUID.nameUUIDFromBytes(("crm-deal:" + id.value()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void destroy() {
        decisions.shutdownNow();
    }
}
