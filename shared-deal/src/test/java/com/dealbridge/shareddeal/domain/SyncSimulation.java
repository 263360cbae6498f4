package com.dealbridge.shareddeal.domain;

import com.dealbridge.sync.clock.Hlc;
import com.dealbridge.sync.clock.ManualClock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Two replicas of one shared deal, the partner's and the CRM's, each running its own commands and publishing the
 * events they record, and a network between them that delivers those events late, out of order, twice, and again
 * long after. Each side receives through a small {@link Inbox} that behaves like the real one: it drops what is at
 * or below the applied mark, parks what arrives after a gap until the gap fills, and applies a snapshot at once
 * (it covers its sender's sequence up to itself). Test code only: the production inbox lives in sync-engine.
 *
 * <p>After every step it checks that nothing deleted comes back: an item a side has seen deleted is never live on
 * that side again, and an item deleted by one side is never live on the other once that side has applied the
 * delete (its mark for the deleting side reached the delete's sequence).
 */
final class SyncSimulation {

    static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    /** Either side renames and moves the stage, so concurrent edits of every detail field are explored. */
    static final SyncPolicy POLICY = Fixtures.STAGE_AND_NAME_TWO_WAY;
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final PersonRef PAULA = new PersonRef("pu-1", "Paula Partner", "paula@p.test");
    private static final List<String> NAMES = List.of("Acme rollout", "Acme phase 2", "Acme EU", "Globex pilot");
    private static final List<BigDecimal> AMOUNTS = List.of(new BigDecimal("12000.00"), new BigDecimal("15500.00"),
            new BigDecimal("9999.99"), new BigDecimal("0.00"), new BigDecimal("250000.00"));
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP");
    private static final List<String> PRODUCTS = List.of("prod-1", "prod-2", "prod-3");
    private static final List<PersonRef> REPS = List.of(Fixtures.RITA, Fixtures.ROB);

    /** Where something was deleted: by which side, at which place of its sequence. */
    record Deletion(String itemId, Origin by, long sequence) {
    }

    /** What happened, for the property's statistics. */
    static final class Counts {
        int applied;
        int duplicatesDropped;
        int parked;
        int appliedFromPark;
        int snapshotsApplied;
        int lateWritesOnTombstones;
        int deletions;
        int refusedCommands;
        boolean withdrawn;
        boolean builtFromSnapshot;
    }

    final Counts counts = new Counts();
    private final SharedDealId id = new SharedDealId("6f1c2a4e-0000-4000-8000-000000000001");
    private final Map<Origin, Side> sides = new EnumMap<>(Origin.class);
    private final List<Deletion> deletions = new ArrayList<>();
    private boolean snapshotPublished;

    /** @param registrarAhead how far the registering side's HLC is ahead of its wall clock when it registers */
    SyncSimulation(Origin registeredBy, int crmClockDrift, int registrarAhead) {
        sides.put(Origin.PARTNER, new Side(Origin.PARTNER, new ManualClock(T0)));
        sides.put(Origin.CRM, new Side(Origin.CRM, new ManualClock(T0 + crmClockDrift)));
        Side registrar = side(registeredBy);
        if (registrarAhead > 0) {
            observeElsewhere(registrar, registrarAhead, 3);
        }
        registrar.deal = SharedDeal.register(registration(registeredBy), registeredBy, POLICY, registrar.clock,
                actor(registeredBy));
        registrar.publishRecorded();
    }

    Side side(Origin origin) {
        return sides.get(origin);
    }

    SharedDeal deal(Origin origin) {
        return side(origin).deal;
    }

    boolean snapshotPublished() {
        return snapshotPublished;
    }

    // ---- the schedule's steps ----------------------------------------------------------------------------------

    void run(ConvergenceProperties.Step step) {
        if (step instanceof ConvergenceProperties.Act act) {
            act(act);
        } else if (step instanceof ConvergenceProperties.Deliver deliver) {
            deliver(deliver.to(), deliver.pick(), deliver.again());
        } else if (step instanceof ConvergenceProperties.Replay replay) {
            replay(replay.to(), replay.pick());
        } else if (step instanceof ConvergenceProperties.Resync resync) {
            resync(resync.by());
        } else if (step instanceof ConvergenceProperties.Tick tick) {
            side(tick.side()).clock.advance(tick.millis());
        } else if (step instanceof ConvergenceProperties.Observe observe) {
            observeElsewhere(side(observe.side()), observe.aheadMillis(), observe.counter());
        }
        checkNothingDeletedComesBack();
    }

    /**
     * Delivers everything still on the way, in an order drawn from {@code seed}, now and then twice, then replays
     * a few old events: afterwards each side has applied everything the other published.
     */
    void deliverEverything(long seed) {
        Random random = new Random(seed);
        int duplicates = 8;
        while (!side(Origin.PARTNER).inFlight.isEmpty() || !side(Origin.CRM).inFlight.isEmpty()) {
            Origin from = side(Origin.PARTNER).inFlight.isEmpty() ? Origin.CRM
                    : side(Origin.CRM).inFlight.isEmpty() ? Origin.PARTNER
                    : random.nextBoolean() ? Origin.PARTNER : Origin.CRM;
            boolean again = duplicates > 0 && random.nextInt(5) == 0;
            if (again) {
                duplicates--;
            }
            deliver(from.other(), random.nextInt(side(from).inFlight.size()), again);
            checkNothingDeletedComesBack();
        }
        for (int i = 0; i < 4; i++) {
            Origin to = random.nextBoolean() ? Origin.PARTNER : Origin.CRM;
            replay(to, random.nextInt(1000));
            checkNothingDeletedComesBack();
        }
    }

    /** The side's HLC observes another deal's event stamped {@code aheadMillis} ahead of this side's wall clock. */
    private static void observeElsewhere(Side side, int aheadMillis, int counter) {
        side.clock.observe(new Hlc(side.clock.now().toEpochMilli() + aheadMillis, counter));
    }

        private void deliver(Origin to, int pick, boolean again) {
        Side from = side(to.other());
        if (from.inFlight.isEmpty()) {
            return;
        }
        int index = pick % from.inFlight.size();
        SharedDealEvent event = again ? from.inFlight.get(index) : from.inFlight.remove(index);
        side(to).inbox.receive(event);
    }

    /** An event the other side published earlier (delivered or not) arrives again. */
    private void replay(Origin to, int pick) {
        Side from = side(to.other());
        if (from.published.isEmpty()) {
            return;
        }
        side(to).inbox.receive(from.published.get(pick % from.published.size()));
    }

    private void resync(Origin by) {
        Side side = side(by);
        if (side.deal == null) {
            return;
        }
        side.deal.publishSnapshot(side.clock, Actor.system("Resync"));
        side.publishRecorded();
        snapshotPublished = true;
    }

    // ---- local commands ----------------------------------------------------------------------------------------

    private void act(ConvergenceProperties.Act act) {
        Side side = side(act.side());
        if (side.deal == null) {
            return; // this side does not hold the deal yet: nobody there can change it
        }
        try {
            command(side, act.action(), act.pick(), act.value());
        } catch (SyncRuleViolation refused) {
            // withdrawn, closed, already there: refused as the API would refuse it, and nothing recorded
            counts.refusedCommands++;
            if (!side.deal.drainRecordedEvents().isEmpty()) {
                throw new AssertionError("a refused command recorded events: " + act, refused);
            }
        }
        side.publishRecorded();
    }

    private void command(Side side, ConvergenceProperties.Action action, int pick, int value) {
        SharedDeal deal = side.deal;
        ManualClock clock = side.clock;
        Actor actor = actor(side.origin);
        switch (action) {
            case RENAME -> deal.changeDetails(new DetailsChange(pickOf(NAMES, value), null, null, null), POLICY,
                    clock, actor);
            case CHANGE_AMOUNT -> deal.changeDetails(new DetailsChange(null, pickOf(AMOUNTS, value),
                    value % 4 == 0 ? pickOf(CURRENCIES, value / 4) : null, null), POLICY, clock, actor);
            case MOVE_CLOSE_DATE -> deal.changeDetails(new DetailsChange(null, null, null, closeDate(value)),
                    POLICY, clock, actor);
            case CHANGE_DETAILS -> deal.changeDetails(new DetailsChange(pickOf(NAMES, value / 7),
                    pickOf(AMOUNTS, value), pickOf(CURRENCIES, value / 3), closeDate(value / 2)), POLICY, clock,
                    actor);
            case CHANGE_STAGE -> deal.changeStage(stage(value), POLICY, clock, actor);
            case CHANGE_PRODUCTS -> deal.changeProductInterest(products(value), POLICY, clock, actor);
            case ADD_NOTE -> deal.addNote(side.newId("note"), "Note " + value, clock, actor);
            case EDIT_NOTE -> {
                List<SharedNote> own = deal.notes().stream()
                        .filter(note -> note.author().side() == side.origin).toList();
                if (!own.isEmpty()) {
                    deal.editNote(pickOf(own, pick).id(), "Edited " + value, clock, actor);
                }
            }
            case DELETE_NOTE -> {
                // deleted ones too: deleting again changes nothing
                List<SharedNote> held = deal.allNotes();
                if (!held.isEmpty()) {
                    deal.deleteNote(pickOf(held, pick).id(), clock, actor);
                }
            }
            case ADD_COMMENT -> {
                if (!deal.notes().isEmpty()) {
                    deal.addComment(pickOf(deal.notes(), pick).id(), side.newId("comment"), "Comment " + value,
                            clock, actor);
                }
            }
            case DELETE_COMMENT -> {
                List<String[]> comments = new ArrayList<>();
                deal.notes().forEach(note -> note.allComments().forEach(comment ->
                        comments.add(new String[] {note.id(), comment.id()})));
                if (!comments.isEmpty()) {
                    String[] target = pickOf(comments, pick);
                    deal.deleteComment(target[0], target[1], clock, actor);
                }
            }
            case ADD_ATTACHMENT -> {
                if (!deal.notes().isEmpty()) {
                    deal.addAttachment(pickOf(deal.notes(), pick).id(), new StoredFile(side.newId("attachment"),
                            "plan-" + value + ".pdf", "application/pdf", 300_000, SHA256, 262_144, 2), clock, actor);
                }
            }
            case DELETE_ATTACHMENT -> {
                List<String[]> attachments = new ArrayList<>();
                deal.notes().forEach(note -> note.allAttachments().forEach(attachment ->
                        attachments.add(new String[] {note.id(), attachment.id()})));
                if (!attachments.isEmpty()) {
                    String[] target = pickOf(attachments, pick);
                    deal.deleteAttachment(target[0], target[1], clock, actor);
                }
            }
            case ASSIGN_REP -> deal.assign(pickOf(REPS, value), clock, actor);
            case CHANGE_COMPENSATION -> deal.changeCompensationEligibility(value % 2 == 0, POLICY, clock, actor);
            case PUBLISH_QUOTE -> deal.publishQuote(new Quote(side.newId("quote"), "Quote " + value,
                    pickOf(AMOUNTS, value), "USD", QuoteStatus.PUBLISHED, List.of()), POLICY, clock, actor);
            case PURCHASE_QUOTE -> {
                List<Quote> quotes = deal.facts().quotes();
                if (!quotes.isEmpty()) {
                    deal.purchaseQuote(pickOf(quotes, pick).id(), POLICY, clock, actor);
                }
            }
            case WITHDRAW -> deal.withdraw("Customer went with a competitor", clock, actor);
        }
    }

    // ---- what must hold after every step -----------------------------------------------------------------------

    private void checkNothingDeletedComesBack() {
        for (Side side : sides.values()) {
            if (side.deal == null) {
                continue;
            }
            Set<String> live = liveItems(side.deal);
            side.deal.allNotes().forEach(note -> {
                if (note.deleted()) {
                    side.everDeleted.add(note.id());
                }
                note.allComments().stream().filter(NoteComment::deleted).forEach(c -> side.everDeleted.add(c.id()));
                note.allAttachments().stream().filter(NoteAttachment::deleted)
                        .forEach(a -> side.everDeleted.add(a.id()));
            });
            for (String item : side.everDeleted) {
                if (live.contains(item)) {
                    throw new AssertionError(item + " was deleted on the " + side.origin + " side and is live there"
                            + " again");
                }
            }
            for (Deletion deletion : deletions) {
                boolean applied = deletion.by() == side.origin
                        || side.deal.highWaterMark(deletion.by()) >= deletion.sequence();
                if (applied && live.contains(deletion.itemId())) {
                    throw new AssertionError(deletion.itemId() + " was deleted by the " + deletion.by() + " (#"
                            + deletion.sequence() + ") and is live on the " + side.origin + " side, which applied"
                            + " that delete");
                }
            }
        }
    }

    /** Ids of the notes, comments and attachments a user of this replica sees. */
    static Set<String> liveItems(SharedDeal deal) {
        Set<String> live = new HashSet<>();
        for (SharedNote note : deal.notes()) {
            live.add(note.id());
            note.comments().forEach(comment -> live.add(comment.id()));
            note.attachments().forEach(attachment -> live.add(attachment.id()));
        }
        return live;
    }

    // ---- one side ----------------------------------------------------------------------------------------------

    final class Side {

        final Origin origin;
        final ManualClock clock;
        final Inbox inbox;
        SharedDeal deal;
        /** Everything this side recorded, in sequence order: what a replay can bring again. */
        final List<SharedDealEvent> published = new ArrayList<>();
        /** Published events on their way to the other side, not delivered yet. */
        final List<SharedDealEvent> inFlight = new ArrayList<>();
        final Set<String> everDeleted = new HashSet<>();
        private int ids;

        Side(Origin origin, ManualClock clock) {
            this.origin = origin;
            this.clock = clock;
            this.inbox = new Inbox(this);
        }

        String newId(String kind) {
            return origin.name().toLowerCase() + "-" + kind + "-" + ++ids;
        }

        void publishRecorded() {
            for (SharedDealEvent event : deal.drainRecordedEvents()) {
                if (event.header().sequence() != published.size() + 1) {
                    throw new AssertionError(origin + " recorded #" + event.header().sequence() + " after #"
                            + published.size());
                }
                published.add(event);
                inFlight.add(event);
                String deleted = event instanceof SharedNoteDeleted e ? e.noteId()
                        : event instanceof NoteCommentDeleted e ? e.commentId()
                        : event instanceof AttachmentDeleted e ? e.attachmentId() : null;
                if (deleted != null) {
                    deletions.add(new Deletion(deleted, origin, event.header().sequence()));
                    counts.deletions++;
                }
                counts.withdrawn |= event instanceof SharedDealWithdrawn;
            }
        }
    }

    /**
     * The receiving side's inbox, as sync-engine's does it: what is at or below the mark is a duplicate and dropped;
     * the next event is applied, then whatever was parked right after it; an event after a gap is parked until the
     * gap fills; a snapshot is applied at once and covers what was parked before it. A side that does not hold the
     * deal yet creates its replica from the registration or from a snapshot.
     */
    final class Inbox {

        private final Side side;
        private final TreeMap<Long, SharedDealEvent> parked = new TreeMap<>();

        Inbox(Side side) {
            this.side = side;
        }

        boolean empty() {
            return parked.isEmpty();
        }

        void receive(SharedDealEvent event) {
            if (side.deal == null) {
                if (event instanceof SharedDealRegistered registration) {
                    side.deal = SharedDeal.receive(registration, side.origin, side.clock, POLICY);
                    counts.applied++;
                } else if (event instanceof SharedDealSnapshot snapshot && snapshot.part() == 1) {
                    side.deal = SharedDeal.fromSnapshot(snapshot, side.origin, side.clock, POLICY);
                    counts.snapshotsApplied++;
                    counts.builtFromSnapshot = true;
                } else {
                    park(event);
                    return;
                }
                applyParked();
                return;
            }
            long mark = side.deal.highWaterMark(event.header().origin());
            long sequence = event.header().sequence();
            noteLateWriteOnTombstone(event);
            ApplyOutcome outcome = side.deal.apply(event, side.clock, POLICY);
            ApplyOutcome expected = sequence <= mark ? ApplyOutcome.DUPLICATE
                    : sequence == mark + 1 || event instanceof SharedDealSnapshot ? ApplyOutcome.APPLIED
                    : ApplyOutcome.GAP;
            if (outcome != expected) {
                throw new AssertionError(event.type() + " #" + sequence + " after mark " + mark + " on the "
                        + side.origin + " side was " + outcome + ", expected " + expected);
            }
            switch (outcome) {
                case DUPLICATE -> counts.duplicatesDropped++;
                case GAP -> park(event);
                case APPLIED -> {
                    if (event instanceof SharedDealSnapshot) {
                        counts.snapshotsApplied++;
                    } else {
                        counts.applied++;
                    }
                    applyParked();
                }
            }
        }

        private void park(SharedDealEvent event) {
            if (parked.putIfAbsent(event.header().sequence(), event) == null) {
                counts.parked++;
            }
        }

        /** What was parked and now follows the mark, in order; what the mark already covers is dropped. */
        private void applyParked() {
            Origin from = side.origin.other();
            while (true) {
                long mark = side.deal.highWaterMark(from);
                parked.headMap(mark, true).clear();
                SharedDealEvent next = parked.remove(mark + 1);
                if (next == null) {
                    return;
                }
                noteLateWriteOnTombstone(next);
                ApplyOutcome outcome = side.deal.apply(next, side.clock, POLICY);
                if (outcome != ApplyOutcome.APPLIED) {
                    throw new AssertionError("parked " + next.type() + " #" + (mark + 1) + " was " + outcome);
                }
                counts.appliedFromPark++;
            }
        }

        private void noteLateWriteOnTombstone(SharedDealEvent event) {
            String noteId = event instanceof SharedNoteEdited e ? e.noteId()
                    : event instanceof NoteCommentAdded e ? e.noteId()
                    : event instanceof AttachmentAdded e ? e.noteId() : null;
            if (noteId != null && event.header().sequence() == side.deal.highWaterMark(event.header().origin()) + 1
                    && side.deal.allNotes().stream().anyMatch(note -> note.id().equals(noteId) && note.deleted())) {
                counts.lateWritesOnTombstones++;
            }
        }
    }

    // ---- values ------------------------------------------------------------------------------------------------

    private Registration registration(Origin by) {
        if (by == Origin.PARTNER) {
            return Fixtures.partnerRegistration(id);
        }
        return new Registration(id, "partner-1", Origin.CRM, "Acme rollout", new BigDecimal("12000.00"), "USD",
                LocalDate.parse("2026-12-31"), Stage.QUALIFIED_TO_BUY, null, null, null, "Welcome aboard",
                List.of("prod-1"), PAULA, Fixtures.RITA, "CRM");
    }

    private static Actor actor(Origin side) {
        return side == Origin.PARTNER ? Fixtures.PARTNER_USER : Fixtures.CRM_REP;
    }

    private static <T> T pickOf(List<T> values, int pick) {
        return values.get(Math.floorMod(pick, values.size()));
    }

    private static LocalDate closeDate(int value) {
        return LocalDate.parse("2026-06-01").plusDays(value % 400);
    }

    /** Mostly open stages: a closed deal can no longer be withdrawn. */
    private static Stage stage(int value) {
        Stage[] stages = Stage.values();
        return value % 10 == 0 ? stages[stages.length - 1 - (value / 10) % 2] : stages[value % (stages.length - 2)];
    }

    private static List<String> products(int value) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < PRODUCTS.size(); i++) {
            if ((value >> i & 1) == 1) {
                chosen.add(PRODUCTS.get(i));
            }
        }
        if (value % 2 == 1 && chosen.size() > 1) {
            Collections.reverse(chosen); // the order of the interest is part of the value
        }
        return chosen;
    }
}
