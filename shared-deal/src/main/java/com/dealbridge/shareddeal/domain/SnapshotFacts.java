package com.dealbridge.shareddeal.domain;

import com.dealbridge.sync.clock.Hlc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Expresses a replica's shared state as facts for a {@link SharedDealSnapshot}: one event per value, stamped with
 * the (hlc, origin) that value carries, so the receiver's last-writer-wins merge keeps whichever side is newer.
 * Deleted notes, comments and attachments travel as their deletions only: their content is gone.
 */
final class SnapshotFacts {

    private static final Actor RESYNC = Actor.system("Resync");

    private final DealFacts deal;
    private final Collection<SharedNote> notes;
    private final long sequence;
    private final String seed;
    private final List<SharedDealEvent> facts = new ArrayList<>();

    private SnapshotFacts(DealFacts deal, Collection<SharedNote> notes, long sequence) {
        this.deal = deal;
        this.notes = notes;
        this.sequence = sequence;
        this.seed = deal.id().value() + "/snapshot/" + sequence + "/";
    }

    /** The facts of the deal's current shared state, its registration first; {@code notes} are all its notes. */
    static List<SharedDealEvent> of(DealFacts deal, Collection<SharedNote> notes, long sequence) {
        return new SnapshotFacts(deal, notes, sequence).collect();
    }

    private List<SharedDealEvent> collect() {
        // the registration's own stamp, which a replica built from this snapshot keeps for the fields nothing
        // changes afterwards (the partner owner: set by the registration only, so its stamp is the registration's)
        Stamp registered = deal.stampOf(DealFacts.F_PARTNER_OWNER);
        Stamp created = registered != null ? registered
                : new Stamp(new Hlc(deal.createdAt().toEpochMilli(), 0), deal.registeredBy());
        facts.add(new SharedDealRegistered(header(created, RESYNC, deal.createdAt()), deal.registeredBy(),
                deal.dealName(), deal.amount(), deal.currency(), deal.closeDate(), deal.stage(), deal.introNote(),
                deal.painOrOpportunity(), deal.nextSteps(), deal.welcomeNote(), deal.productIds(),
                deal.partnerOwner(), deal.assignedRep(), deal.sourceType(), deal.registeredDomain(),
                deal.createdRegistrationState(), deal.unavailableReason()));
        stamped(DealFacts.F_DEAL_NAME, h -> new DealDetailsChanged(h, deal.dealName(), null, null, null));
        stamped(DealFacts.F_AMOUNT, h -> new DealDetailsChanged(h, null, deal.amount(), null, null));
        stamped(DealFacts.F_CURRENCY, h -> new DealDetailsChanged(h, null, null, deal.currency(), null));
        stamped(DealFacts.F_CLOSE_DATE, h -> new DealDetailsChanged(h, null, null, null, deal.closeDate()));
        stamped(DealFacts.F_STAGE, h -> new DealStageChanged(h, deal.stage()));
        stamped(DealFacts.F_PRODUCTS, h -> new ProductInterestChanged(h, deal.productIds()));
        stamped(DealFacts.F_COMPENSATION, h -> new PartnerCompensationEligibilityChanged(h,
                deal.partnerCompensationEligible()));
        if (deal.assignedRep() != null) {
            stamped(DealFacts.F_ASSIGNED_REP, h -> new SharedDealAssigned(h, deal.assignedRep()));
        }
        for (Quote quote : deal.quotes()) {
            stamped(DealFacts.F_QUOTE_PREFIX + quote.id(), h -> new QuoteChanged(h, quote));
        }
        if (deal.withdrawn()) {
            // only partners withdraw: the fact carries the partner's side whoever registered the deal
            facts.add(new SharedDealWithdrawn(header(new Stamp(created.hlc(), Origin.PARTNER), RESYNC),
                    deal.withdrawalReason()));
        }
        notes.forEach(this::note);
        return facts;
    }

    private void note(SharedNote note) {
        if (note.deleted()) {
            facts.add(new SharedNoteDeleted(header(latest(), RESYNC), note.id()));
            return;
        }
        Actor author = actor(note.author());
        facts.add(new SharedNoteAdded(header(note.createdStamp(), author, note.createdAt()), note.id(),
                note.body()));
        if (!note.bodyStamp().equals(note.createdStamp())) {
            facts.add(new SharedNoteEdited(header(note.bodyStamp(), author, note.editedAt()), note.id(),
                    note.body()));
        }
        for (NoteComment comment : note.allComments()) {
            facts.add(comment.deleted()
                    ? new NoteCommentDeleted(header(latest(), RESYNC), note.id(), comment.id())
                    : new NoteCommentAdded(header(comment.createdStamp(), actor(comment.author()),
                            comment.createdAt()), note.id(), comment.id(), comment.body()));
        }
        for (NoteAttachment a : note.allAttachments()) {
            facts.add(a.deleted()
                    ? new AttachmentDeleted(header(latest(), RESYNC), note.id(), a.id())
                    : new AttachmentAdded(header(a.createdStamp(), actor(a.author()), a.createdAt()), note.id(),
                            a.id(), a.fileName(), a.contentType(), a.size(), a.sha256(), a.chunkSize(),
                            a.chunkCount()));
        }
    }

    private void stamped(String field, java.util.function.Function<EventHeader, SharedDealEvent> fact) {
        Stamp stamp = deal.stampOf(field);
        if (stamp != null) {
            facts.add(fact.apply(header(stamp, RESYNC)));
        }
    }

    /** Deletions are tombstones whatever their stamp; they carry this side's latest reading. */
    private Stamp latest() {
        return new Stamp(new Hlc(deal.updatedAt().toEpochMilli(), 0), deal.side());
    }

    private EventHeader header(Stamp stamp, Actor actor) {
        return header(stamp, actor, null);
    }

    /**
     * @param occurredAt when the value was written, as its origin's wall clock read then; the stamp's HLC reading
     *                   may be ahead of it (after observing a faster clock), and the receiver keeps this time as
     *                   the note's, comment's or attachment's own, so it must be the one the sender holds. Null:
     *                   the stamp's time (a value whose time the receiver does not keep)
     */
    private EventHeader header(Stamp stamp, Actor actor, Instant occurredAt) {
        String eventId = UUID.nameUUIDFromBytes((seed + facts.size()).getBytes(java.nio.charset.StandardCharsets
                .UTF_8)).toString();
        return new EventHeader(eventId, deal.id().value(), deal.partnerId(), stamp.origin(), sequence, stamp.hlc(),
                occurredAt != null ? occurredAt : Instant.ofEpochMilli(stamp.hlc().wallMillis()), actor);
    }

    private static Actor actor(Author author) {
        return new Actor(author.side() == Origin.PARTNER ? ActorType.PARTNER_USER : ActorType.CRM_USER, author.id(),
                author.name());
    }
}
