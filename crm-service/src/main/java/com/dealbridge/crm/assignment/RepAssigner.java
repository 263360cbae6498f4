package com.dealbridge.crm.assignment;

import com.dealbridge.crm.deal.CrmDeals;
import com.dealbridge.crm.registration.LastSlotCheck;
import com.dealbridge.crm.registration.VendorDealCheck;
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
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Registers each partner registration in the CRM and assigns it to the least-loaded active rep. Which rep a deal
 * gets is decided once in the store ({@link RepClaims}), so two instances handling one deal (the inbox on one, the
 * sweep on another) record the same rep. Decisions of one instance run one at a time on a single thread only so that
 * its concurrent registrations read each other's loads (balance, not correctness: across instances the loads are
 * approximate). Woken as soon as a registration is applied; a sweep catches what a crash or a rep-less moment left.
 */
@Component
@EnableConfigurationProperties(AssignmentProperties.class)
class RepAssigner implements AppliedEventListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RepAssigner.class);
    static final Actor ASSIGNMENT = Actor.system("Lead assignment");

    private final SharedDeals sharedDeals;
    private final SalesReps reps;
    private final CrmDeals crmDeals;
    private final RepClaims claims;
    private final LastSlotCheck lastSlot;
    private final VendorDealCheck vendorDeals;
    private final ExecutorService decisions = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rep-assigner");
        thread.setDaemon(true);
        return thread;
    });

    RepAssigner(SharedDeals sharedDeals, SalesReps reps, CrmDeals crmDeals, MongoOperations mongo,
                LastSlotCheck lastSlot, VendorDealCheck vendorDeals) {
        this.lastSlot = lastSlot;
        this.vendorDeals = vendorDeals;
        this.claims = new RepClaims(mongo, Clock.systemUTC());
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

    /**
     * Creates the CRM deal (idempotent) and records the assignment in the same write as its event; first the CRM has
     * its last word on a partner's registration: one on a domain the vendor works in an open deal of its own
     * ({@link VendorDealCheck}, checked first so that it claims no slot), or one that lost the partner's last slot to
     * a conversion ({@link LastSlotCheck}), is revoked and gets no rep.
     */
    private void assign(SharedDealId id) {
        if (!vendorDeals.keeps(id) || !lastSlot.keeps(id)) {
            return;
        }
        sharedDeals.change(id, (document, clock) -> {
            SharedDeal deal = document.deal();
            // an UNAVAILABLE registration is not registered: no rep works it
            if (deal.facts().assignedRep() != null || !deal.facts().activelyRegistered()) {
                return;
            }
            Optional<SalesRep> rep = decide(id);
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

    /**
     * The deal's rep as claimed in the store: the claim another instance made, or this instance's least-loaded pick
     * if its claim wins. A claimed rep no longer active is replaced (conditionally, so instances agree again).
     */
    private Optional<SalesRep> decide(SharedDealId id) {
        List<SalesRep> active = reps.active();
        Optional<String> claimed = claims.claimed(id.value());
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<SalesRep> held = claimed.flatMap(repId -> byId(active, repId));
            if (held.isPresent()) {
                return held;
            }
            Optional<SalesRep> pick = LeastLoadedRep.pick(active, sharedDeals.activeDealsPerRep());
            if (pick.isEmpty()) {
                return Optional.empty();
            }
            String winner = claimed.isEmpty() ? claims.claim(id.value(), pick.get().id())
                    : claims.replace(id.value(), claimed.get(), pick.get().id());
            claimed = Optional.of(winner);
        }
        return claimed.flatMap(repId -> byId(reps.active(), repId));
    }

    private static Optional<SalesRep> byId(List<SalesRep> reps, String repId) {
        return reps.stream().filter(rep -> rep.id().equals(repId)).findFirst();
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
