package com.dealbridge.sync.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One side's replica of a shared deal. Local commands change it and record the events the other side needs;
 * remote events are applied with per-origin sequence dedupe and per-field last-writer-wins by (hlc, origin),
 * the same rule on both sides, so both replicas converge whatever the interleaving.
 *
 * <p>Plain Java on purpose: the merge rules are unit-tested without Spring, Kafka or MongoDB. The store maps
 * this class field by field, which is why it keeps a private no-argument constructor.
 */
public final class SharedDeal {

    static final String F_DEAL_NAME = "dealName";
    static final String F_AMOUNT = "amount";
    static final String F_CLOSE_DATE = "closeDate";
    static final String F_STAGE = "stage";
    static final String F_PRODUCTS = "productInterest";
    static final String F_ASSIGNED_REP = "assignedRep";
    static final String F_PARTNER_OWNER = "partnerOwner";
    static final String F_CURRENCY = "currency";
    static final String F_COMPENSATION = "partnerCompensationEligible";
    static final String F_QUOTE_PREFIX = "quote:";

    private String id;
    private String partnerId;
    private Origin side;
    private Origin registeredBy;
    private String dealName;
    private BigDecimal amount;
    private String currency;
    private LocalDate closeDate;
    private Stage stage;
    private String introNote;
    private String painOrOpportunity;
    private String nextSteps;
    private String welcomeNote;
    private String sourceType;
    private List<String> productIds = new ArrayList<>();
    private PersonRef assignedRep;
    private PersonRef partnerOwner;
    private boolean partnerCompensationEligible;
    private DealStatus status = DealStatus.ACTIVE;
    private boolean withdrawn;
    private String withdrawalReason;
    private List<Quote> quotes = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    private Map<String, Stamp> stamps = new HashMap<>();
    private long localSequence;
    private Map<String, Long> highWaterMarks = new HashMap<>();
    private List<ActivityEntry> activity = new ArrayList<>();
    private List<SharedNote> notes = new ArrayList<>();

    private transient List<SharedDealEvent> recorded = new ArrayList<>();
    /** While a snapshot's facts are merged: they change state, but are not new activity. */
    private transient boolean merging;

    private SharedDeal() {
    }

    /** The side holding this replica makes the deal shared. */
    public static SharedDeal register(Registration registration, Origin side, SyncClock clock, Actor actor) {
        return register(registration, side, SyncPolicy.defaults(), clock, actor);
    }

    /** As {@link #register(Registration, Origin, SyncClock, Actor)}, checking what the side may set at creation. */
    public static SharedDeal register(Registration registration, Origin side, SyncPolicy policy, SyncClock clock,
                                      Actor actor) {
        checkCreation(policy, side, registration.introNote(), registration.painOrOpportunity(),
                registration.nextSteps(), registration.assignedRep());
        SharedDeal deal = new SharedDeal();
        deal.id = registration.id().value();
        deal.partnerId = registration.partnerId();
        deal.side = side;
        Hlc hlc = clock.tick();
        SharedDealRegistered event = new SharedDealRegistered(deal.nextHeader(hlc, clock.now(), actor),
                registration.registeredBy(), registration.dealName(), registration.amount(),
                registration.currency(), registration.closeDate(), registration.stage(), registration.introNote(),
                registration.painOrOpportunity(), registration.nextSteps(), registration.welcomeNote(),
                registration.productIds(), registration.partnerOwner(), registration.assignedRep(),
                registration.sourceType());
        deal.applyRegistration(event);
        deal.recorded.add(event);
        return deal;
    }

    /** The replica of a deal the other side registered, created from its first event. */
    public static SharedDeal receive(SharedDealRegistered registration, Origin side, SyncClock clock) {
        return receive(registration, side, clock, SyncPolicy.defaults());
    }

    /** As {@link #receive(SharedDealRegistered, Origin, SyncClock)}, checked against this side's policy. */
    public static SharedDeal receive(SharedDealRegistered registration, Origin side, SyncClock clock,
                                     SyncPolicy policy) {
        if (registration.header().origin() == side) {
            throw new IllegalArgumentException("a side never receives its own registration");
        }
        SharedDeal deal = new SharedDeal();
        deal.id = registration.header().sharedDealId();
        deal.partnerId = registration.header().partnerId();
        deal.side = side;
        ApplyOutcome outcome = deal.apply(registration, clock, policy);
        if (outcome != ApplyOutcome.APPLIED) {
            throw new IllegalArgumentException("registration must be the first event of its origin, was #"
                    + registration.header().sequence());
        }
        return deal;
    }

    /**
     * Applies an event the other side decided. Never records events: applying must not echo back.
     */
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
        if (header.origin() == side) {
            throw new IllegalArgumentException("event " + header.eventId() + " comes from this side");
        }
        if (event instanceof AttachmentChunk) {
            throw new IllegalArgumentException("attachment chunks are not sequenced: the store receives them");
        }
        if (!id.equals(header.sharedDealId())) {
            throw new IllegalArgumentException("event " + header.eventId() + " belongs to deal " + header.sharedDealId());
        }
        long mark = highWaterMark(header.origin());
        if (header.sequence() <= mark) {
            return ApplyOutcome.DUPLICATE;
        }
        if (event instanceof SharedDealSnapshot snapshot) {
            // covers everything its sender decided up to it: merged even after a gap, which it closes
            merge(snapshot, clock);
        } else {
            if (header.sequence() > mark + 1) {
                return ApplyOutcome.GAP;
            }
            Lifecycle.checkIncoming(event, policy);
            clock.observe(header.hlc());
            dispatch(event);
        }
        highWaterMarks.put(header.origin().name(), header.sequence());
        return ApplyOutcome.APPLIED;
    }

    /** The CRM's decision: this rep owns the deal on the vendor side. */
    public void assign(PersonRef rep, SyncClock clock, Actor actor) {
        Objects.requireNonNull(rep, "rep");
        if (side != Origin.CRM) {
            throw new SyncRuleViolation("assignedRep is CRM_TO_PARTNER: only the CRM assigns a sales rep");
        }
        record(header -> new SharedDealAssigned(header, rep), clock, actor);
    }

    private <E extends SharedDealEvent> void record(Function<EventHeader, E> factory, SyncClock clock, Actor actor) {
        E event = factory.apply(nextHeader(clock.tick(), clock.now(), actor));
        dispatch(event);
        recorded.add(event);
    }

    private EventHeader nextHeader(Hlc hlc, Instant now, Actor actor) {
        localSequence++;
        return new EventHeader(UUID.randomUUID().toString(), id, partnerId, side, localSequence, hlc, now, actor);
    }

    private void dispatch(SharedDealEvent event) {
        if (event instanceof SharedDealSnapshot) {
            return; // this side's own snapshot: its state already
        }
        if (event instanceof SharedDealRegistered registered) {
            applyRegistration(registered);
        } else if (event instanceof SharedDealAssigned assigned) {
            applyAssignment(assigned);
        } else if (!applyLifecycle(event) && !applyCollaboration(event)) {
            throw new IllegalArgumentException("unknown event type " + event.type());
        }
        status = deriveStatus();
        updatedAt = event.header().occurredAt();
    }

    private static void checkCreation(SyncPolicy policy, Origin side, String introNote, String painOrOpportunity,
                                      String nextSteps, PersonRef assignedRep) {
        if (introNote != null) {
            policy.checkCreation(SyncField.INTRO_NOTE, side);
        }
        if (painOrOpportunity != null) {
            policy.checkCreation(SyncField.PAIN_OR_OPPORTUNITY, side);
        }
        if (nextSteps != null) {
            policy.checkCreation(SyncField.NEXT_STEPS, side);
        }
        if (assignedRep != null) {
            policy.checkCreation(SyncField.ASSIGNED_REP, side);
        }
    }

    /** Status follows the stage and the withdrawal, so it converges wherever they do. */
    private DealStatus deriveStatus() {
        if (withdrawn) {
            return DealStatus.WITHDRAWN;
        }
        if (stage == Stage.CLOSED_WON) {
            return DealStatus.CLOSED_WON;
        }
        return stage == Stage.CLOSED_LOST ? DealStatus.CLOSED_LOST : DealStatus.ACTIVE;
    }

    // ---- deal lifecycle: local commands ------------------------------------------------------------------------

    /**
     * Changes the given details; fields equal to the current value are not changed. Records nothing when nothing
     * changes.
     *
     * @return whether anything changed
     * @throws SyncPolicyViolation a changed field this side may not change (nothing is changed)
     */
    public boolean changeDetails(DetailsChange change, SyncPolicy policy, SyncClock clock, Actor actor) {
        requireNotWithdrawn();
        String newName = change.dealName() != null && !change.dealName().equals(dealName) ? change.dealName() : null;
        BigDecimal newAmount = change.amount() != null && (amount == null || change.amount().compareTo(amount) != 0)
                ? change.amount() : null;
        String newCurrency = change.currency() != null && !change.currency().equals(currency)
                ? change.currency() : null;
        LocalDate newCloseDate = change.closeDate() != null && !change.closeDate().equals(closeDate)
                ? change.closeDate() : null;
        if (newName != null) {
            policy.checkChange(SyncField.DEAL_NAME, side);
        }
        if (newAmount != null || newCurrency != null) {
            policy.checkChange(SyncField.AMOUNT, side);
        }
        if (newCloseDate != null) {
            policy.checkChange(SyncField.CLOSE_DATE, side);
        }
        if (newName == null && newAmount == null && newCurrency == null && newCloseDate == null) {
            return false;
        }
        record(header -> new DealDetailsChanged(header, newName, newAmount, newCurrency, newCloseDate), clock, actor);
        return true;
    }

    /** @return whether the stage changed */
    public boolean changeStage(Stage newStage, SyncPolicy policy, SyncClock clock, Actor actor) {
        Objects.requireNonNull(newStage, "stage");
        requireNotWithdrawn();
        if (newStage == stage) {
            return false;
        }
        policy.checkChange(SyncField.STAGE, side);
        record(header -> new DealStageChanged(header, newStage), clock, actor);
        return true;
    }

    /** Replaces the product interest (duplicates dropped, order kept). @return whether it changed */
    public boolean changeProductInterest(List<String> newProductIds, SyncPolicy policy, SyncClock clock,
                                         Actor actor) {
        requireNotWithdrawn();
        List<String> distinct = newProductIds.stream().distinct().toList();
        if (distinct.equals(productIds)) {
            return false;
        }
        policy.checkChange(SyncField.PRODUCT_INTEREST, side);
        record(header -> new ProductInterestChanged(header, distinct), clock, actor);
        return true;
    }

    /** @return whether the eligibility changed */
    public boolean changeCompensationEligibility(boolean eligible, SyncPolicy policy, SyncClock clock, Actor actor) {
        requireNotWithdrawn();
        if (eligible == partnerCompensationEligible) {
            return false;
        }
        policy.checkChange(SyncField.PARTNER_COMPENSATION_ELIGIBLE, side);
        record(header -> new PartnerCompensationEligibilityChanged(header, eligible), clock, actor);
        return true;
    }

    /** Publishes a new quote on the deal (the CRM's decision). */
    public void publishQuote(Quote quote, SyncPolicy policy, SyncClock clock, Actor actor) {
        requireNotWithdrawn();
        policy.checkChange(SyncField.QUOTES, side);
        if (quote(quote.id()).isPresent()) {
            throw new SyncRuleViolation("Deal " + id + " already has a quote " + quote.id());
        }
        if (quote.status() != QuoteStatus.PUBLISHED) {
            throw new IllegalArgumentException("a new quote is PUBLISHED, not " + quote.status());
        }
        record(header -> new QuoteChanged(header, quote), clock, actor);
    }

    /**
     * The customer purchased a quote: the quote becomes PURCHASED and the deal CLOSED_WON (two events). Purchasing
     * a purchased quote again changes nothing.
     *
     * @throws UnknownQuoteException no such quote on this deal
     */
    public Quote purchaseQuote(String quoteId, SyncPolicy policy, SyncClock clock, Actor actor) {
        Quote quote = quote(quoteId).orElseThrow(() -> new UnknownQuoteException(id, quoteId));
        if (quote.status() == QuoteStatus.PURCHASED) {
            return quote;
        }
        requireNotWithdrawn();
        policy.checkChange(SyncField.QUOTES, side);
        if (stage != Stage.CLOSED_WON) {
            policy.checkChange(SyncField.STAGE, side);
        }
        Quote purchased = quote.withStatus(QuoteStatus.PURCHASED);
        record(header -> new QuoteChanged(header, purchased), clock, actor);
        if (stage != Stage.CLOSED_WON) {
            record(header -> new DealStageChanged(header, Stage.CLOSED_WON), clock, actor);
        }
        return purchased;
    }

    /**
     * The partner withdraws the registration; final. Withdrawing again changes nothing.
     *
     * @return whether the deal was withdrawn now
     * @throws SyncRuleViolation on the CRM side, or when the deal is already closed
     */
    public boolean withdraw(String reason, SyncClock clock, Actor actor) {
        if (side != Origin.PARTNER) {
            throw new SyncRuleViolation("only the partner withdraws a deal registration");
        }
        if (withdrawn) {
            return false;
        }
        if (stage.isClosed()) {
            throw new SyncRuleViolation("Deal " + id + " is " + stage + ": a closed deal cannot be withdrawn");
        }
        record(header -> new SharedDealWithdrawn(header, reason), clock, actor);
        return true;
    }

    private void requireNotWithdrawn() {
        if (withdrawn) {
            throw new SyncRuleViolation("Deal " + id + " was withdrawn by the partner: it can no longer be changed");
        }
    }

    // ---- deal lifecycle: applying events (local and remote) -----------------------------------------------------

    private boolean applyLifecycle(SharedDealEvent event) {
        Stamp stamp = event.header().stamp();
        Map<String, Object> details = new LinkedHashMap<>();
        if (event instanceof DealDetailsChanged e) {
            if (e.dealName() != null && wins(F_DEAL_NAME, stamp)) {
                dealName = e.dealName();
            }
            if (e.amount() != null && wins(F_AMOUNT, stamp)) {
                amount = e.amount();
            }
            if (e.currency() != null && wins(F_CURRENCY, stamp)) {
                currency = e.currency();
            }
            if (e.closeDate() != null && wins(F_CLOSE_DATE, stamp)) {
                closeDate = e.closeDate();
            }
            putIfSet(details, "dealName", e.dealName());
            putIfSet(details, "amount", e.amount() == null ? null : e.amount().toPlainString());
            putIfSet(details, "currency", e.currency());
            putIfSet(details, "closeDate", e.closeDate() == null ? null : e.closeDate().toString());
            addActivity("DETAILS_CHANGED", event, details);
        } else if (event instanceof DealStageChanged e) {
            if (wins(F_STAGE, stamp)) {
                stage = e.stage();
            }
            details.put("stage", e.stage().name());
            addActivity("STAGE_CHANGED", event, details);
        } else if (event instanceof ProductInterestChanged e) {
            if (wins(F_PRODUCTS, stamp)) {
                productIds = new ArrayList<>(e.productIds());
            }
            details.put("productIds", e.productIds());
            addActivity("PRODUCT_INTEREST_CHANGED", event, details);
        } else if (event instanceof PartnerCompensationEligibilityChanged e) {
            if (wins(F_COMPENSATION, stamp)) {
                partnerCompensationEligible = e.eligible();
            }
            details.put("eligible", e.eligible());
            addActivity("COMPENSATION_ELIGIBILITY_CHANGED", event, details);
        } else if (event instanceof QuoteChanged e) {
            if (wins(F_QUOTE_PREFIX + e.quote().id(), stamp)) {
                putQuote(e.quote());
            }
            details.put("quoteId", e.quote().id());
            details.put("title", e.quote().title());
            details.put("amount", e.quote().amount().toPlainString());
            details.put("currency", e.quote().currency());
            details.put("status", e.quote().status().name());
            addActivity(e.quote().status() == QuoteStatus.PURCHASED ? "QUOTE_PURCHASED" : "QUOTE_PUBLISHED", event,
                    details);
        } else if (event instanceof SharedDealWithdrawn e) {
            withdrawn = true;
            withdrawalReason = e.reason();
            putIfSet(details, "reason", e.reason());
            addActivity("WITHDRAWN", event, details);
        } else {
            return false;
        }
        return true;
    }

    private void putQuote(Quote quote) {
        for (int i = 0; i < quotes.size(); i++) {
            if (quotes.get(i).id().equals(quote.id())) {
                quotes.set(i, quote);
                return;
            }
        }
        quotes.add(quote);
    }

    private static void putIfSet(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }

    private void applyRegistration(SharedDealRegistered event) {
        if (createdAt != null) {
            throw new IllegalStateException("deal " + id + " is already registered");
        }
        Stamp stamp = event.header().stamp();
        registeredBy = event.registeredBy();
        dealName = event.dealName();
        amount = event.amount();
        currency = event.currency();
        closeDate = event.closeDate();
        stage = event.stage();
        introNote = event.introNote();
        painOrOpportunity = event.painOrOpportunity();
        nextSteps = event.nextSteps();
        welcomeNote = event.welcomeNote();
        sourceType = event.sourceType();
        productIds = new ArrayList<>(event.productIds());
        partnerOwner = event.partnerOwner();
        assignedRep = event.assignedRep();
        createdAt = event.header().occurredAt();
        for (String field : List.of(F_DEAL_NAME, F_AMOUNT, F_CURRENCY, F_CLOSE_DATE, F_STAGE, F_PRODUCTS,
                F_PARTNER_OWNER)) {
            stamps.put(field, stamp);
        }
        if (assignedRep != null) {
            stamps.put(F_ASSIGNED_REP, stamp);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("registeredBy", registeredBy.name());
        details.put("dealName", dealName);
        addActivity("REGISTERED", event, details);
    }

    private void applyAssignment(SharedDealAssigned event) {
        if (wins(F_ASSIGNED_REP, event.header().stamp())) {
            assignedRep = event.rep();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("repId", event.rep().id());
        details.put("repName", event.rep().name());
        addActivity("ASSIGNED", event, details);
    }

    /** Last-writer-wins: takes the stamp and answers true when the incoming value should be kept. */
    private boolean wins(String field, Stamp incoming) {
        if (!incoming.supersedes(stamps.get(field))) {
            return false;
        }
        stamps.put(field, incoming);
        return true;
    }

    private void addActivity(String type, SharedDealEvent event, Map<String, Object> details) {
        if (merging) {
            return;
        }
        EventHeader header = event.header();
        activity.add(new ActivityEntry(type, header.occurredAt(), header.actor(), header.origin(), header.eventId(),
                details, header.hlc()));
    }

    // ---- collaboration: shared notes, comments, attachments --------------------------------------------------

    /** Adds a shared note ("Add shared message"). */
    public void addNote(String noteId, String body, SyncClock clock, Actor actor) {
        requireNotWithdrawn();
        if (collaboration().note(noteId).isPresent()) {
            throw new SyncRuleViolation("Deal " + id + " already has a note " + noteId);
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
        if (note.author().side() != side) {
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
        SharedNote note = collaboration().note(noteId)
                .orElseThrow(() -> new UnknownNoteException("Deal " + id + " has no shared note " + noteId));
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

    /** Deleted attachments whose stored file this side still has to remove. */
    public List<NoteAttachment> attachmentsToPurge() {
        return notes.stream().flatMap(note -> note.allAttachments().stream())
                .filter(a -> a.deleted() && !a.purged()).toList();
    }

    public void markPurged(String attachmentId) {
        attachment(attachmentId).ifPresent(NoteAttachment::markPurged);
    }

    /** Live shared notes, oldest first by (hlc, origin): the same order on both sides. */
    public List<SharedNote> notes() {
        return notes.stream().filter(note -> !note.deleted())
                .sorted(java.util.Comparator.comparing(SharedNote::createdStamp, SharedNote.CREATION)).toList();
    }

    /** A live note. */
    public Optional<SharedNote> note(String noteId) {
        return collaboration().note(noteId).filter(note -> !note.deleted());
    }

    /** An attachment of any note, deleted or not. */
    public Optional<NoteAttachment> attachment(String attachmentId) {
        return notes.stream().flatMap(note -> note.allAttachments().stream())
                .filter(a -> a.id().equals(attachmentId)).findFirst();
    }

    private SharedNote liveNote(String noteId) {
        return note(noteId).orElseThrow(() -> new UnknownNoteException("Deal " + id + " has no shared note "
                + noteId));
    }

    private Collaboration collaboration() {
        if (notes == null) {
            notes = new ArrayList<>();
        }
        return new Collaboration(notes, side);
    }

    private boolean applyCollaboration(SharedDealEvent event) {
        Optional<Collaboration.Activity> applied = collaboration().apply(event);
        applied.ifPresent(a -> addActivity(a.type(), event, a.details()));
        if (event instanceof SharedNoteDeleted e) {
            forgetTexts("noteId", e.noteId());
        } else if (event instanceof NoteCommentDeleted e) {
            forgetTexts("commentId", e.commentId());
        }
        return applied.isPresent();
    }

    /** A deleted note's or comment's text leaves the Shared tab too, on both sides alike. */
    private void forgetTexts(String key, String value) {
        activity.replaceAll(entry -> value.equals(entry.details().get(key)) && entry.details().containsKey("body")
                ? entry.withoutDetail("body") : entry);
    }

    // ---- repair: snapshots ---------------------------------------------------------------------------------------

    /** Rough size budget of one snapshot part, far below Kafka's default 1 MB record limit. */
    static final int SNAPSHOT_PART_BUDGET = 400_000;

    /**
     * Records this side's whole shared state as a snapshot for the other side (in as many parts as its size
     * needs), to repair a replica that missed events. @return the number of parts
     */
    public int publishSnapshot(SyncClock clock, Actor actor) {
        List<SharedDealEvent> facts = SnapshotFacts.of(this, localSequence + 1);
        List<List<SharedDealEvent>> factParts = SnapshotParts.split(facts, SnapshotParts::estimate);
        List<List<ActivityEntry>> activityParts = SnapshotParts.split(activity(), SnapshotParts::estimate);
        int parts = Math.max(factParts.size(), activityParts.size());
        for (int i = 0; i < parts; i++) {
            int part = i + 1;
            List<SharedDealEvent> partFacts = i < factParts.size() ? factParts.get(i) : List.of();
            List<ActivityEntry> partActivity = i < activityParts.size() ? activityParts.get(i) : List.of();
            record(header -> new SharedDealSnapshot(header, part, parts, partFacts, partActivity), clock, actor);
        }
        return parts;
    }

    /** The replica of a deal this side does not hold yet, created from the first part of the other's snapshot. */
    public static SharedDeal fromSnapshot(SharedDealSnapshot snapshot, Origin side, SyncClock clock,
                                          SyncPolicy policy) {
        if (snapshot.header().origin() == side) {
            throw new IllegalArgumentException("a side never receives its own snapshot");
        }
        if (snapshot.facts().isEmpty() || !(snapshot.facts().get(0) instanceof SharedDealRegistered)) {
            throw new IllegalArgumentException("snapshot part " + snapshot.part() + " of " + snapshot.parts()
                    + " does not start with the registration, so it cannot create deal "
                    + snapshot.header().sharedDealId());
        }
        SharedDeal deal = new SharedDeal();
        deal.id = snapshot.header().sharedDealId();
        deal.partnerId = snapshot.header().partnerId();
        deal.side = side;
        deal.apply(snapshot, clock, policy);
        return deal;
    }

    /** Merges the other side's facts by the usual rules, quietly, then its Shared tab entries by event id. */
    private void merge(SharedDealSnapshot snapshot, SyncClock clock) {
        clock.observe(snapshot.header().hlc());
        Instant before = updatedAt;
        merging = true;
        try {
            for (SharedDealEvent fact : snapshot.facts()) {
                if (!id.equals(fact.header().sharedDealId())
                        || fact instanceof SharedDealSnapshot || fact instanceof AttachmentChunk) {
                    throw new IllegalArgumentException("snapshot of deal " + id + " holds a foreign fact "
                            + fact.type() + " of deal " + fact.header().sharedDealId());
                }
                if (fact instanceof SharedDealRegistered registration) {
                    if (createdAt == null) {
                        applyRegistration(registration);
                    }
                    continue;
                }
                clock.observe(fact.header().hlc());
                dispatch(fact);
            }
        } finally {
            merging = false;
        }
        mergeActivity(snapshot.activity());
        status = deriveStatus();
        Instant received = snapshot.header().occurredAt();
        updatedAt = before == null || received.isAfter(before) ? received : before;
    }

    private void mergeActivity(List<ActivityEntry> theirs) {
        Map<String, Integer> ours = new HashMap<>();
        for (int i = 0; i < activity.size(); i++) {
            ours.put(activity.get(i).eventId(), i);
        }
        for (ActivityEntry entry : theirs) {
            Integer at = ours.get(entry.eventId());
            if (at == null) {
                activity.add(entry);
            } else if (!entry.details().containsKey("body") && activity.get(at).details().containsKey("body")) {
                activity.set(at, entry); // a text the other side has forgotten (deleted) is forgotten here too
            }
        }
    }

    /** Every note, tombstones included (for snapshots). */
    List<SharedNote> allNotes() {
        return notes == null ? List.of() : List.copyOf(notes);
    }

    /** The events recorded by local commands since the last drain, in sequence order; clears them. */
    public List<SharedDealEvent> drainRecordedEvents() {
        List<SharedDealEvent> drained = List.copyOf(recorded);
        recorded.clear();
        return drained;
    }

    public long highWaterMark(Origin origin) {
        return highWaterMarks.getOrDefault(origin.name(), 0L);
    }

    public SharedDealId id() {
        return new SharedDealId(id);
    }

    public String partnerId() {
        return partnerId;
    }

    public Origin side() {
        return side;
    }

    public Origin registeredBy() {
        return registeredBy;
    }

    public String dealName() {
        return dealName;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public LocalDate closeDate() {
        return closeDate;
    }

    public Stage stage() {
        return stage;
    }

    public String introNote() {
        return introNote;
    }

    public String painOrOpportunity() {
        return painOrOpportunity;
    }

    public String nextSteps() {
        return nextSteps;
    }

    public String welcomeNote() {
        return welcomeNote;
    }

    public String sourceType() {
        return sourceType;
    }

    public List<String> productIds() {
        return List.copyOf(productIds);
    }

    public PersonRef assignedRep() {
        return assignedRep;
    }

    public PersonRef partnerOwner() {
        return partnerOwner;
    }

    public boolean partnerCompensationEligible() {
        return partnerCompensationEligible;
    }

    public DealStatus status() {
        return status;
    }

    public boolean withdrawn() {
        return withdrawn;
    }

    public String withdrawalReason() {
        return withdrawalReason;
    }

    /** The deal's quotes, oldest first. */
    public List<Quote> quotes() {
        return quotes == null ? List.of() : List.copyOf(quotes);
    }

    public Optional<Quote> quote(String quoteId) {
        return quotes().stream().filter(quote -> quote.id().equals(quoteId)).findFirst();
    }

    /** The most recently purchased quote, if any. */
    public Optional<Quote> purchasedQuote() {
        List<Quote> purchased = quotes().stream().filter(q -> q.status() == QuoteStatus.PURCHASED).toList();
        return purchased.isEmpty() ? Optional.empty() : Optional.of(purchased.get(purchased.size() - 1));
    }

    /** The banner of the shared deal card, or null while the deal is active. */
    public Banner banner() {
        return Banner.of(this);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long localSequence() {
        return localSequence;
    }

    /** The Shared tab, oldest first by (hlc, origin): the same order on both sides, whatever the arrival order. */
    public List<ActivityEntry> activity() {
        return activity.stream().sorted(ActivityEntry.ORDER).toList();
    }

    public Stamp stampOf(String field) {
        return stamps.get(field);
    }
}
