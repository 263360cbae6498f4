package com.dealbridge.shareddeal.domain;

import com.dealbridge.sync.clock.Hlc;
import com.dealbridge.sync.clock.SyncClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One side's replica of a shared deal: its {@link DealFacts} and the notes a change can see ({@link NoteBook}).
 * Local commands change it and record the events the other side needs; remote events are applied with per-origin
 * sequence dedupe and per-field last-writer-wins by (hlc, origin), the same rule on both sides, so both replicas
 * converge whatever the interleaving.
 *
 * <p>Plain Java on purpose: the merge rules are unit-tested without Spring, Kafka or MongoDB. The store restores a
 * replica per change from the deal's document and the notes the change touches.
 */
public final class SharedDeal {

    private final DealFacts facts;
    private final NoteBook notes;
    private final Collaboration collaboration;
    private final List<SharedDealEvent> recorded = new ArrayList<>();
    /** Events applied or recorded by this instance, for {@link #activity()}. */
    private final List<SharedDealEvent> history = new ArrayList<>();
    /** Shared tab lines received in snapshots, not yet handed to the store. */
    private final List<ActivityEntry> imported = new ArrayList<>();
    private final List<ActivityEntry> importedAll = new ArrayList<>();

    private SharedDeal(DealFacts facts, NoteBook notes) {
        this.facts = facts;
        this.notes = notes;
        this.collaboration = new Collaboration(notes, facts.side(), facts);
    }

    /** A replica as the store holds it. */
    public static SharedDeal restore(DealFacts facts, NoteBook notes) {
        return new SharedDeal(facts, notes);
    }

    /** The side holding this replica makes the deal shared. */
    public static SharedDeal register(Registration registration, Origin side, SyncClock clock, Actor actor) {
        return register(registration, side, SyncPolicy.defaults(), clock, actor);
    }

    /** As {@link #register(Registration, Origin, SyncClock, Actor)}, checking what the side may set at creation. */
    public static SharedDeal register(Registration registration, Origin side, SyncPolicy policy, SyncClock clock,
                                      Actor actor) {
        return register(registration, side, policy, clock, actor, NoteBook.inMemory());
    }

    /** As {@link #register(Registration, Origin, SyncPolicy, SyncClock, Actor)}, with the store's note book. */
    public static SharedDeal register(Registration registration, Origin side, SyncPolicy policy, SyncClock clock,
                                      Actor actor, NoteBook notes) {
        Lifecycle.checkCreation(policy, side, registration.introNote(), registration.painOrOpportunity(),
                registration.nextSteps(), registration.assignedRep());
        SharedDeal deal = new SharedDeal(new DealFacts(registration.id().value(), registration.partnerId(), side),
                notes);
        deal.record(header -> new SharedDealRegistered(header, registration.registeredBy(),
                registration.dealName(), registration.amount(), registration.currency(), registration.closeDate(),
                registration.stage(), registration.introNote(), registration.painOrOpportunity(),
                registration.nextSteps(), registration.welcomeNote(), registration.productIds(),
                registration.partnerOwner(), registration.assignedRep(), registration.sourceType(),
                registration.registeredDomain(), registration.registrationState(), registration.unavailableReason()),
                clock, actor);
        return deal;
    }

    /** The replica of a deal the other side registered, created from its first event. */
    public static SharedDeal receive(SharedDealRegistered registration, Origin side, SyncClock clock) {
        return receive(registration, side, clock, SyncPolicy.defaults());
    }

    /** As {@link #receive(SharedDealRegistered, Origin, SyncClock)}, checked against this side's policy. */
    public static SharedDeal receive(SharedDealRegistered registration, Origin side, SyncClock clock,
                                     SyncPolicy policy) {
        return receive(registration, side, clock, policy, NoteBook.inMemory());
    }

    /** As {@link #receive(SharedDealRegistered, Origin, SyncClock, SyncPolicy)}, with the store's note book. */
    public static SharedDeal receive(SharedDealRegistered registration, Origin side, SyncClock clock,
                                     SyncPolicy policy, NoteBook notes) {
        if (registration.header().origin() == side) {
            throw new IllegalArgumentException("a side never receives its own registration");
        }
        SharedDeal deal = empty(registration.header(), side, notes);
        if (deal.apply(registration, clock, policy) != ApplyOutcome.APPLIED) {
            throw new IllegalArgumentException("registration must be the first event of its origin, was #"
                    + registration.header().sequence());
        }
        return deal;
    }

    /** The replica of a deal this side does not hold yet, created from the first part of the other's snapshot. */
    public static SharedDeal fromSnapshot(SharedDealSnapshot snapshot, Origin side, SyncClock clock,
                                          SyncPolicy policy) {
        return fromSnapshot(snapshot, side, clock, policy, NoteBook.inMemory());
    }

    /** As {@link #fromSnapshot(SharedDealSnapshot, Origin, SyncClock, SyncPolicy)}, with the store's note book. */
    public static SharedDeal fromSnapshot(SharedDealSnapshot snapshot, Origin side, SyncClock clock,
                                          SyncPolicy policy, NoteBook notes) {
        if (snapshot.header().origin() == side) {
            throw new IllegalArgumentException("a side never receives its own snapshot");
        }
        if (snapshot.facts().isEmpty() || !(snapshot.facts().get(0) instanceof SharedDealRegistered)) {
            throw new IllegalArgumentException("snapshot part " + snapshot.part() + " of " + snapshot.parts()
                    + " does not start with the registration, so it cannot create deal "
                    + snapshot.header().sharedDealId());
        }
        SharedDeal deal = empty(snapshot.header(), side, notes);
        deal.apply(snapshot, clock, policy);
        return deal;
    }

    /** A deal this side registered, rebuilt from its own registration event (found in the log after a crash). */
    public static SharedDeal fromOwnRegistration(SharedDealRegistered registration, NoteBook notes) {
        EventHeader header = registration.header();
        SharedDeal deal = new SharedDeal(new DealFacts(header.sharedDealId(), header.partnerId(), header.origin()),
                notes);
        deal.catchUp(registration);
        return deal;
    }

    private static SharedDeal empty(EventHeader first, Origin side, NoteBook notes) {
        return new SharedDeal(new DealFacts(first.sharedDealId(), first.partnerId(), side), notes);
    }

    /** Applies an event the other side decided. Never records events: applying must not echo back. */
    public ApplyOutcome apply(SharedDealEvent event, SyncClock clock) {
        return apply(event, clock, SyncPolicy.defaults());
    }

    /**
     * As {@link #apply(SharedDealEvent, SyncClock)}, refusing an event that changes a field this side's policy
     * does not let the sender change.
     *
     * @throws SyncRuleViolation the event breaks this side's sync policy; nothing is applied, the mark stays
     */
    public ApplyOutcome apply(SharedDealEvent event, SyncClock clock, SyncPolicy policy) {
        EventHeader header = event.header();
        if (header.origin() == facts.side()) {
            throw new IllegalArgumentException("event " + header.eventId() + " comes from this side");
        }
        if (event instanceof AttachmentChunk) {
            throw new IllegalArgumentException("attachment chunks are not sequenced: the store receives them");
        }
        if (!facts.id().value().equals(header.sharedDealId())) {
            throw new IllegalArgumentException("event " + header.eventId() + " belongs to deal "
                    + header.sharedDealId());
        }
        long mark = facts.highWaterMark(header.origin());
        if (header.sequence() <= mark) {
            return ApplyOutcome.DUPLICATE;
        }
        if (event instanceof SharedDealSnapshot snapshot) {
            // covers everything its sender decided up to it: merged even after a gap, which it closes
            Snapshots.merge(this, snapshot, clock, policy);
        } else {
            if (header.sequence() > mark + 1) {
                return ApplyOutcome.GAP;
            }
            Lifecycle.checkIncoming(event, policy);
            clock.observe(header.hlc());
            dispatch(event);
            history.add(event);
        }
        facts.mark(header.origin(), header.sequence());
        return ApplyOutcome.APPLIED;
    }

    /**
     * Whether this side's policy lets a received event's origin change what the event changes; for a snapshot,
     * each of its facts. Needs no replica, so a receiver checks it before it stores the event; {@link #apply}
     * checks it again.
     *
     * @throws SyncRuleViolation the event breaks this side's sync policy
     */
    public static void checkIncoming(SharedDealEvent event, SyncPolicy policy) {
        if (event instanceof SharedDealSnapshot snapshot) {
            Snapshots.check(snapshot, policy);
        } else {
            Lifecycle.checkIncoming(event, policy);
        }
    }

    <E extends SharedDealEvent> void record(Function<EventHeader, E> factory, SyncClock clock, Actor actor) {
        E event = factory.apply(nextHeader(clock.tick(), clock.now(), actor));
        dispatch(event);
        recorded.add(event);
        if (!(event instanceof SharedDealSnapshot)) {
            history.add(event);
        }
    }

    private EventHeader nextHeader(Hlc hlc, Instant now, Actor actor) {
        return new EventHeader(UUID.randomUUID().toString(), facts.id().value(), facts.partnerId(), facts.side(),
                facts.nextSequence(), hlc, now, actor);
    }

    /** Applies a fact to the state (no marks, no checks): registration, lifecycle or collaboration. */
    void dispatch(SharedDealEvent event) {
        if (event instanceof SharedDealSnapshot) {
            return; // this side's own snapshot: its state already
        }
        if (event instanceof SharedDealRegistered registered) {
            facts.applyRegistration(registered);
        } else if (event instanceof SharedDealAssigned assigned) {
            facts.applyAssignment(assigned);
        } else if (!facts.applyLifecycle(event) && !collaboration.apply(event)) {
            throw new IllegalArgumentException("unknown event type " + event.type());
        }
        facts.touched(event.header().occurredAt());
    }

    /**
     * Applies an event this side decided earlier that the state does not hold yet (found in the log after a crash
     * or after another instance's write). Not recorded again: it is in the log already.
     */
    public void catchUp(SharedDealEvent own) {
        requireOwn(own);
        if (own.header().sequence() <= facts.localSequence()) {
            return;
        }
        dispatch(own);
        history.add(own);
        facts.raiseLocalSequence(own.header().sequence());
    }

    /**
     * Records again an event this side decided, at the place its header names (a change rolled back around a
     * refused one, or appended again after losing a race): applied and handed to the store like a new one.
     */
    public void redo(SharedDealEvent own) {
        requireOwn(own);
        dispatch(own);
        recorded.add(own);
        history.add(own);
        facts.raiseLocalSequence(own.header().sequence());
    }

    private void requireOwn(SharedDealEvent event) {
        if (event.header().origin() != facts.side() || !facts.id().value().equals(event.header().sharedDealId())) {
            throw new IllegalArgumentException("event " + event.header().eventId() + " is not this side's event of"
                    + " deal " + facts.id());
        }
    }

    void importActivity(List<ActivityEntry> entries) {
        imported.addAll(entries);
        importedAll.addAll(entries);
    }

    // ---- deal lifecycle ----------------------------------------------------------------------------------------

    /** The CRM's decision: this rep owns the deal on the vendor side. */
    public void assign(PersonRef rep, SyncClock clock, Actor actor) {
        Objects.requireNonNull(rep, "rep");
        if (facts.side() != Origin.CRM) {
            throw new SyncRuleViolation("assignedRep is CRM_TO_PARTNER: only the CRM assigns a sales rep");
        }
        record(header -> new SharedDealAssigned(header, rep), clock, actor);
    }

    /**
     * Changes the given details; fields equal to the current value are not changed. @return whether anything
     * changed
     *
     * @throws SyncPolicyViolation a changed field this side may not change (nothing is changed)
     */
    public boolean changeDetails(DetailsChange change, SyncPolicy policy, SyncClock clock, Actor actor) {
        return Lifecycle.changeDetails(this, change, policy, clock, actor);
    }

    /** @return whether the stage changed */
    public boolean changeStage(Stage newStage, SyncPolicy policy, SyncClock clock, Actor actor) {
        return Lifecycle.changeStage(this, newStage, policy, clock, actor);
    }

    /** Replaces the product interest (duplicates dropped, order kept). @return whether it changed */
    public boolean changeProductInterest(List<String> productIds, SyncPolicy policy, SyncClock clock, Actor actor) {
        return Lifecycle.changeProductInterest(this, productIds, policy, clock, actor);
    }

    /** @return whether the eligibility changed */
    public boolean changeCompensationEligibility(boolean eligible, SyncPolicy policy, SyncClock clock, Actor actor) {
        return Lifecycle.changeCompensationEligibility(this, eligible, policy, clock, actor);
    }

    /** Publishes a new quote on the deal (the CRM's decision). */
    public void publishQuote(Quote quote, SyncPolicy policy, SyncClock clock, Actor actor) {
        Lifecycle.publishQuote(this, quote, policy, clock, actor);
    }

    /**
     * The customer purchased a quote: the quote becomes PURCHASED and the deal CLOSED_WON (two events). Purchasing
     * a purchased quote again changes nothing.
     *
     * @throws UnknownQuoteException no such quote on this deal
     */
    public Quote purchaseQuote(String quoteId, SyncPolicy policy, SyncClock clock, Actor actor) {
        return Lifecycle.purchaseQuote(this, quoteId, policy, clock, actor);
    }

    /**
     * The partner withdraws the registration; final. Withdrawing again changes nothing. @return whether the deal
     * was withdrawn now
     *
     * @throws SyncRuleViolation on the CRM side, or when the deal is already closed
     */
    public boolean withdraw(String reason, SyncClock clock, Actor actor) {
        return Lifecycle.withdraw(this, reason, clock, actor);
    }

    /**
     * The vendor moves the registration's state or expiry (approve, release, reject with a reason code, set or extend
     * the expiry date, expire).
     *
     * @param reasonCode required for REJECT, else null
     * @param expiresAt  the expiry after the transition (required for SET_EXPIRY and EXTEND); null: none
     * @throws SyncRuleViolation on the partner side, on a closed or withdrawn deal, or when the registration's state
     *                           does not allow the transition
     */
    public void changeRegistration(RegistrationTransition transition, String reasonCode, String reason,
                                   java.time.Instant expiresAt, SyncClock clock, Actor actor) {
        RegistrationRules.transition(this, transition, reasonCode, reason, expiresAt, clock, actor);
    }

    /** Records the reminder that the registration expires soon, once per expiry date. @return whether recorded now */
    public boolean remindOfExpiry(SyncClock clock, Actor actor) {
        return RegistrationRules.remindOfExpiry(this, null, clock, actor);
    }

    /**
     * As {@link #remindOfExpiry(SyncClock, Actor)}; a registration without a date of its own expires at
     * {@code implicitExpiry} (the program's days after its creation), which the reminder gives it on both sides.
     */
    public boolean remindOfExpiry(java.time.Instant implicitExpiry, SyncClock clock, Actor actor) {
        return RegistrationRules.remindOfExpiry(this, implicitExpiry, clock, actor);
    }

    void requireNotWithdrawn() {
        if (facts.withdrawn()) {
            throw new SyncRuleViolation("Deal " + facts.id() + " was withdrawn by the partner: it can no longer be "
                    + "changed");
        }
    }

    // ---- collaboration -----------------------------------------------------------------------------------------

    /** Adds a shared note ("Add shared message"). */
    public void addNote(String noteId, String body, SyncClock clock, Actor actor) {
        requireNotWithdrawn();
        if (notes.find(noteId).isPresent()) {
            throw new SyncRuleViolation("Deal " + facts.id() + " already has a note " + noteId);
        }
        record(header -> new SharedNoteAdded(header, noteId, body), clock, actor);
    }

    /**
     * Replaces the text of a note this side wrote. @return whether it changed
     *
     * @throws UnknownNoteException   no such live note
     * @throws ForeignAuthorException the other side wrote the note
     */
    public boolean editNote(String noteId, String body, SyncClock clock, Actor actor) {
        SharedNote note = liveNote(noteId);
        if (note.author().side() != facts.side()) {
            throw new ForeignAuthorException("Note " + noteId + " was written on the " + note.author().side()
                    + " side: only that side edits it");
        }
        requireNotWithdrawn();
        if (body.equals(note.body())) {
            return false;
        }
        record(header -> new SharedNoteEdited(header, noteId, body), clock, actor);
        return true;
    }

    /** Deletes a note (with its comments and attachments) on both sides. @return false when already deleted */
    public boolean deleteNote(String noteId, SyncClock clock, Actor actor) {
        SharedNote note = notes.find(noteId).orElseThrow(() -> new UnknownNoteException("Deal " + facts.id()
                + " has no shared note " + noteId));
        if (note.deleted()) {
            return false;
        }
        record(header -> new SharedNoteDeleted(header, noteId), clock, actor);
        return true;
    }

    /** Comments on a live note, whichever side wrote it. */
    public void addComment(String noteId, String commentId, String body, SyncClock clock, Actor actor) {
        liveNote(noteId);
        requireNotWithdrawn();
        record(header -> new NoteCommentAdded(header, noteId, commentId, body), clock, actor);
    }

    /** @return false when the comment was already deleted */
    public boolean deleteComment(String noteId, String commentId, SyncClock clock, Actor actor) {
        NoteComment comment = liveNote(noteId).comment(commentId).orElseThrow(() -> new UnknownNoteException(
                "Note " + noteId + " has no comment " + commentId));
        if (comment.deleted()) {
            return false;
        }
        record(header -> new NoteCommentDeleted(header, noteId, commentId), clock, actor);
        return true;
    }

    /** Attaches a file this side has already stored; the relay then streams its chunks to the other side. */
    public void addAttachment(String noteId, StoredFile file, SyncClock clock, Actor actor) {
        liveNote(noteId);
        requireNotWithdrawn();
        record(header -> new AttachmentAdded(header, noteId, file.attachmentId(), file.fileName(),
                file.contentType(), file.size(), file.sha256(), file.chunkSize(), file.chunkCount()), clock, actor);
    }

    /** @return false when the attachment was already deleted */
    public boolean deleteAttachment(String noteId, String attachmentId, SyncClock clock, Actor actor) {
        NoteAttachment attachment = liveNote(noteId).attachment(attachmentId).orElseThrow(() ->
                new UnknownNoteException("Note " + noteId + " has no attachment " + attachmentId));
        if (attachment.deleted()) {
            return false;
        }
        record(header -> new AttachmentDeleted(header, noteId, attachmentId), clock, actor);
        return true;
    }

    /**
     * This side received all of an attachment's bytes and checked them: AVAILABLE, or FAILED on a size or hash
     * mismatch. Local progress, not shared: records no event.
     */
    public void settleAttachment(String attachmentId, AttachmentStatus outcome) {
        attachment(attachmentId).ifPresent(attachment -> attachment.settle(outcome));
    }

    /** Deleted attachments of the held notes whose stored file this side still has to remove. */
    public List<NoteAttachment> attachmentsToPurge() {
        return notes.held().stream().flatMap(note -> note.allAttachments().stream())
                .filter(a -> a.deleted() && !a.purged()).toList();
    }

    public void markPurged(String attachmentId) {
        attachment(attachmentId).ifPresent(NoteAttachment::markPurged);
    }

    /** Live held notes, oldest first by (hlc, origin): the same order on both sides. */
    public List<SharedNote> notes() {
        return notes.held().stream().filter(note -> !note.deleted())
                .sorted(Comparator.comparing(SharedNote::createdStamp, SharedNote.CREATION)).toList();
    }

    /** A live note. */
    public Optional<SharedNote> note(String noteId) {
        return notes.find(noteId).filter(note -> !note.deleted());
    }

    /** An attachment of any held note, deleted or not. */
    public Optional<NoteAttachment> attachment(String attachmentId) {
        return notes.held().stream().flatMap(note -> note.allAttachments().stream())
                .filter(a -> a.id().equals(attachmentId)).findFirst();
    }

    private SharedNote liveNote(String noteId) {
        return note(noteId).orElseThrow(() -> new UnknownNoteException("Deal " + facts.id() + " has no shared note "
                + noteId));
    }

    /** Every held note, tombstones included. */
    public List<SharedNote> allNotes() {
        return List.copyOf(notes.held());
    }

    // ---- repair: snapshots ---------------------------------------------------------------------------------------

    /**
     * Records this side's whole shared state as a snapshot for the other side (in as many parts as its size
     * needs), to repair a replica that missed events. Every note of the deal must be held. @return the number of
     * parts
     *
     * @param tab the deal's Shared tab, which travels along
     */
    public int publishSnapshot(List<ActivityEntry> tab, SyncClock clock, Actor actor) {
        return Snapshots.publish(this, tab, clock, actor);
    }

    /** As {@link #publishSnapshot(List, SyncClock, Actor)} with the tab of what this instance applied. */
    public int publishSnapshot(SyncClock clock, Actor actor) {
        return publishSnapshot(activity(), clock, actor);
    }

    // ---- what the store takes --------------------------------------------------------------------------------

    /** The events recorded by local commands since the last drain, in sequence order; clears them. */
    public List<SharedDealEvent> drainRecordedEvents() {
        List<SharedDealEvent> drained = List.copyOf(recorded);
        recorded.clear();
        return drained;
    }

    /** Shared tab lines that arrived in snapshots since the last drain; clears them. */
    public List<ActivityEntry> drainImportedActivity() {
        List<ActivityEntry> drained = List.copyOf(imported);
        imported.clear();
        return drained;
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    public DealFacts facts() {
        return facts;
    }

    public SharedDealId id() {
        return facts.id();
    }

    public Origin side() {
        return facts.side();
    }

    public String partnerId() {
        return facts.partnerId();
    }

    public DealStatus status() {
        return facts.status();
    }

    public long highWaterMark(Origin origin) {
        return facts.highWaterMark(origin);
    }

    public long localSequence() {
        return facts.localSequence();
    }

    /**
     * The Shared tab of the events this instance applied or recorded, and the lines snapshots brought: the whole
     * tab for a replica kept in memory. The store builds the tab from its change log instead.
     */
    public List<ActivityEntry> activity() {
        List<ActivityEntry> entries = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (SharedDealEvent event : history) {
            SharedTab.entryOf(event).ifPresent(entry -> {
                if (seen.add(entry.eventId())) {
                    entries.add(entry);
                }
            });
        }
        for (ActivityEntry entry : importedAll) {
            if (seen.add(entry.eventId())) {
                entries.add(entry);
            }
        }
        return entries.stream().map(entry -> SharedTab.shown(entry, id -> note(id).isPresent(),
                        commentId -> notes.held().stream().anyMatch(n -> !n.deleted()
                                && n.comment(commentId).filter(c -> !c.deleted()).isPresent())))
                .sorted(ActivityEntry.ORDER).toList();
    }
}
