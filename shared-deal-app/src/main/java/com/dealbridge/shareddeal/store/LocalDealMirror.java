package com.dealbridge.shareddeal.store;

import com.dealbridge.shareddeal.domain.DealFacts;
import com.dealbridge.shareddeal.domain.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Keeps a side's own deal record (name, amount, currency, close date, stage; the CRM's also its owner) in line with its shared deal after
 * either side changed them, so each side's deal list shows what the Shared deal card shows. Writes only when a save
 * changed one of those fields or the link: most saves (a note, a comment) leave the local deal alone.
 */
public abstract class LocalDealMirror implements AppliedEventListener {

    /**
     * What a local deal record shows of its shared deal.
     *
     * @param assignedRepId the CRM's rep assigned to the deal (the CRM deal's owner); null while none is
     */
    public record Mirrored(String dealName, BigDecimal amount, String currency, LocalDate closeDate, Stage stage,
                           String assignedRepId) {

        static Mirrored of(DealFacts.State facts) {
            return new Mirrored(facts.dealName(), facts.amount(), facts.currency(), facts.closeDate(), facts.stage(),
                    facts.assignedRep() == null ? null : facts.assignedRep().id());
        }
    }

    @Override
    public final void applied(SharedDealDocument document, com.dealbridge.shareddeal.domain.SharedDealEvent event) {
        // saved(...) covers it, once per save rather than once per event
    }

    @Override
    public final void saved(SharedDealDocument document) {
        if (document.localDealId() == null || document.version() == null
                || !document.lastSaveChanged(Mirrored::of)) {
            return;
        }
        mirror(document.deal().partnerId(), document.localDealId(), Mirrored.of(document.deal().facts().state()),
                document.version());
    }

    /**
     * Writes the fields to the local deal unless it already mirrors a later version: saves of one deal on
     * several instances may be reported out of order.
     */
    protected abstract void mirror(String partnerId, String localDealId, Mirrored mirrored, long sharedDealVersion);
}
