package com.dealbridge.shareddeal.store;

import com.dealbridge.kit.web.ConflictException;
import com.dealbridge.kit.web.ForbiddenException;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.shareddeal.domain.ForeignAuthorException;
import com.dealbridge.shareddeal.domain.NoteBook;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SharedDeal;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.SyncRuleViolation;
import com.dealbridge.shareddeal.domain.UnknownNoteException;
import com.dealbridge.shareddeal.domain.UnknownQuoteException;
import com.dealbridge.shareddeal.wire.EventCodec;
import com.dealbridge.sync.clock.SyncClock;
import com.dealbridge.sync.inbox.ConcurrentChangeException;
import com.dealbridge.sync.lane.AggregateLanes;
import com.dealbridge.sync.lane.RaceBackOff;
import com.dealbridge.sync.log.ChangeLog;
import com.dealbridge.sync.log.LogEntry;
import com.dealbridge.sync.log.SequenceTakenException;
import com.dealbridge.sync.relay.Relay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This side's own changes of a deal, a batch at a time on the deal's lane: the changes run against the deal's
 * document, their events go into the change log in one write — the commit point — with the next sequence numbers,
 * then the document is saved and the events handed to the relay. Another writer (another instance) holding the
 * next sequence number first is no error: the batch catches up from the log and appends what is left after it.
 */
public class SharedDealWriter {

    private static final Logger log = LoggerFactory.getLogger(SharedDealWriter.class);
    private static final int MAX_ATTEMPTS = 20;
    /** More than {@link #MAX_ATTEMPTS}: by then the change is committed, and giving up has a cost (see saveLoop). */
    private static final int MAX_SAVE_ATTEMPTS = 50;
    private static final int PROBE = 64;

    private final ProjectionStore store;
    private final SharedDealSaver saver;
    private final ChangeLog changeLog;
    private final EventCodec codec;
    private final SyncClock clock;
    private final Origin side;
    private volatile Relay relay;

    public SharedDealWriter(ProjectionStore store, SharedDealSaver saver, ChangeLog changeLog, EventCodec codec,
                            SyncClock clock, Origin side) {
        this.store = store;
        this.saver = saver;
        this.changeLog = changeLog;
        this.codec = codec;
        this.clock = clock;
        this.side = side;
    }

    /** The relay is built after the store; writes hand it their events from then on. */
    public void connect(Relay relay) {
        this.relay = relay;
    }

    /**
     * Runs a batch of changes of one deal; completes each task with the saved document or its refusal. When
     * another writer (another instance) took the next place in the log first, the changes were decided on a state
     * that is no longer the deal's: they are decided again on the deal as it is now, so a change that holds only
     * in the old state (assign a rep to a deal without one) is not made twice.
     */
    void write(String dealId, List<AggregateLanes.Task<Object>> tasks) {
        SharedDealDocument document = store.loadForChange(dealId);
        List<AggregateLanes.Task<Object>> pending = tasks;
        for (int attempt = 1; ; attempt++) {
            try {
                writeOnce(dealId, pending, document);
                return;
            } catch (DecidedOnStaleState stale) {
                if (attempt >= MAX_ATTEMPTS) {
                    stale.tasks().forEach(task -> task.fail(new ConflictException(
                            "Shared deal " + dealId + " kept changing on another instance meanwhile; try again")));
                    return;
                }
                log.debug("{}: another writer changed the deal first, deciding {} change(s) again", dealId,
                        stale.tasks().size());
                RaceBackOff.pause(attempt);
                String linked = document.localDealId();
                document = store.load(dealId);
                catchUp(document);
                if (document.localDealId() == null && linked != null) {
                    document.linkLocalDeal(linked);
                }
                pending = stale.tasks();
            }
        }
    }

    private void writeOnce(String dealId, List<AggregateLanes.Task<Object>> tasks, SharedDealDocument document) {
        List<SharedDealEvent> kept = new ArrayList<>();
        List<AggregateLanes.Task<Object>> done = new ArrayList<>();
        // by event id: each event carries the trace of the request its change came from
        Map<String, String> traces = new HashMap<>();
        for (AggregateLanes.Task<Object> task : tasks) {
            String linked = document.localDealId();
            try {
                run((Command) task.work(), document);
                List<SharedDealEvent> recorded = document.deal() == null ? List.of()
                        : document.deal().drainRecordedEvents();
                if (task.traceparent() != null) {
                    recorded.forEach(event -> traces.put(event.header().eventId(), task.traceparent()));
                }
                kept.addAll(recorded);
                done.add(task);
            } catch (RuntimeException refused) {
                task.fail(translate(refused));
                // a refused change may have done part of its work: start again from the store with the rest
                document = store.load(dealId);
                redo(document, kept);
                if (document.localDealId() == null) {
                    document.linkLocalDeal(linked);
                }
            }
        }
        if (done.isEmpty()) {
            return;
        }
        if (document.deal() == null) {
            done.forEach(task -> task.complete(null)); // a catch-up that found nothing to build a deal from
            return;
        }
        List<LogEntry> committed = commit(dealId, document, kept, done, traces);
        saveLoop(dealId, document);
        if (relay != null) {
            relay.enqueue(committed);
        }
        for (AggregateLanes.Task<Object> task : done) {
            task.complete(document);
        }
    }

    private void run(Command command, SharedDealDocument document) {
        if (command instanceof Command.Register register) {
            if (document.deal() != null) {
                throw new IllegalStateException("shared deal " + document.id() + " exists already");
            }
            document.created(register.register().apply(document.notes()));
            document.linkLocalDeal(register.localDealId());
        } else if (command instanceof Command.Change change) {
            if (document.deal() == null) {
                throw new SharedDealNotFoundException(document.id());
            }
            change.change().apply(document, clock);
        } else if (command instanceof Command.CatchUp) {
            catchUp(document);
        }
    }

    /** Events of earlier changes of the batch, applied again on a fresh document after a refused one. */
    private void redo(SharedDealDocument document, List<SharedDealEvent> events) {
        for (SharedDealEvent event : events) {
            if (document.deal() == null && event instanceof SharedDealRegistered registered) {
                document.created(SharedDeal.fromOwnRegistration(registered, document.notes()));
                continue;
            }
            document.deal().catchUp(event);
        }
    }

    /**
     * Appends the batch's events to the log. When another writer holds the next place, the document catches up
     * from the log and the rest of the batch is appended after it (same events, new places: as if decided
     * concurrently on the other side, which the merge rules converge whatever the order).
     */
    private List<LogEntry> commit(String dealId, SharedDealDocument document, List<SharedDealEvent> events,
                                  List<AggregateLanes.Task<Object>> tasks, Map<String, String> traces) {
        List<LogEntry> committed = new ArrayList<>();
        List<SharedDealEvent> pending = events;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<LogEntry> entries = pending.stream()
                    .map(event -> entry(event, traces.get(event.header().eventId()))).toList();
            try {
                changeLog.appendOwn(entries);
                committed.addAll(entries);
                return committed;
            } catch (SequenceTakenException taken) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw taken;
                }
                RaceBackOff.pause(attempt);
                int appended = taken.appended();
                if (ours(entries.get(appended))) {
                    // the driver re-sent an insert whose answer was lost: the place is held by this very event
                    appended++;
                } else if (committed.isEmpty() && appended == 0) {
                    // nothing of the batch is in: decide it again on what the other writer made of the deal
                    store.invalidate(dealId);
                    throw new DecidedOnStaleState(tasks);
                }
                committed.addAll(entries.subList(0, appended));
                List<SharedDealEvent> rest = pending.subList(appended, pending.size());
                if (rest.isEmpty()) {
                    return committed;
                }
                log.debug("{}: place taken by another writer, appending {} event(s) after it", dealId, rest.size());
                String localDealId = document.localDealId();
                SharedDealDocument fresh = store.load(dealId);
                catchUp(fresh);
                if (fresh.localDealId() == null) {
                    fresh.linkLocalDeal(localDealId);
                }
                adopt(document, fresh);
                pending = new ArrayList<>();
                for (SharedDealEvent event : rest) {
                    SharedDealEvent moved = event.withHeader(event.header()
                            .withSequence(document.deal().localSequence() + 1));
                    document.deal().catchUp(moved);
                    pending.add(moved);
                }
            }
        }
        return committed;
    }

    private boolean ours(LogEntry entry) {
        List<LogEntry> holder = changeLog.find(entry.aggregateId(), entry.origin(), entry.sequence(), 1);
        return !holder.isEmpty() && holder.get(0).eventId().equals(entry.eventId());
    }

    /**
     * Saves, and after losing a race for the document, reloads and catches up (the events are in the log). The
     * batch's events are committed by now, so running out of attempts must not fail its requests: a client told
     * "failed" would send the change again and make it twice. The projection is then left to the next change of
     * the deal, which finds this side's entries in the log and catches up first.
     */
    private void saveLoop(String dealId, SharedDealDocument document) {
        for (int attempt = 1; ; attempt++) {
            try {
                saver.save(document);
                return;
            } catch (ConcurrentChangeException race) {
                if (attempt >= MAX_SAVE_ATTEMPTS) {
                    log.warn("{}: saving the deal lost {} races in a row; its committed change(s) are projected by "
                            + "the deal's next change", dealId, attempt, race);
                    store.invalidate(dealId);
                    return;
                }
                RaceBackOff.pause(attempt);
                SharedDealDocument fresh = store.load(dealId);
                String localDealId = document.localDealId();
                catchUp(fresh);
                if (fresh.localDealId() == null) {
                    fresh.linkLocalDeal(localDealId);
                }
                adopt(document, fresh);
            }
        }
    }

    /** The state of {@code fresh} taken over by {@code document}, which the batch's callers get. */
    private static void adopt(SharedDealDocument document, SharedDealDocument fresh) {
        document.replaceWith(fresh);
    }

    /** Applies this side's entries the document does not hold yet (a crash between the log and the save). */
    void catchUp(SharedDealDocument document) {
        while (true) {
            long next = document.deal() == null ? 1 : document.deal().localSequence() + 1;
            List<LogEntry> entries = changeLog.find(document.id(), side.name(), next, PROBE);
            if (entries.isEmpty() || entries.get(0).sequence() != next) {
                return;
            }
            for (LogEntry entry : entries) {
                SharedDealEvent event = codec.decode(entry.payload());
                if (document.deal() == null) {
                    if (!(event instanceof SharedDealRegistered registered)) {
                        log.error("{}: own entry #{} without a registration before it; left as it is", document.id(),
                                entry.sequence());
                        return;
                    }
                    document.created(SharedDeal.fromOwnRegistration(registered, document.notes()));
                } else if (event.header().sequence() == document.deal().localSequence() + 1) {
                    document.deal().catchUp(event);
                } else {
                    return;
                }
                log.info("{}: caught up with own {} #{} from the change log", document.id(), event.type(),
                        entry.sequence());
            }
        }
    }

    private LogEntry entry(SharedDealEvent event, String traceparent) {
        return new LogEntry(event.header().sharedDealId(), event.header().origin().name(), event.header().sequence(),
                event.header().eventId(), event.type(), event.header().hlc().wallMillis(),
                event.header().hlc().counter(), event.header().occurredAt(), codec.encode(event), traceparent);
    }

    private static RuntimeException translate(RuntimeException e) {
        if (e instanceof SyncRuleViolation violation) {
            return new SyncRuleConflictException(violation);
        }
        if (e instanceof UnknownQuoteException || e instanceof UnknownNoteException
                || e instanceof ForeignIdException) {
            return new NotFoundException(e.getMessage());
        }
        if (e instanceof ForeignAuthorException) {
            return new ForbiddenException(e.getMessage());
        }
        return e;
    }

    /** What a lane task of the writer does. */
    public sealed interface Command extends com.dealbridge.sync.lane.LaneWork
            permits Command.Register, Command.Change, Command.CatchUp {

        /** Makes the deal shared from this side. */
        record Register(java.util.function.Function<NoteBook, SharedDeal> register, String localDealId)
                implements Command {
        }

        /** A local decision on an existing deal. */
        record Change(DealChange change) implements Command {
        }

        /** Applies own entries the deal's document missed (after a crash); records nothing new. */
        record CatchUp() implements Command {
        }
    }

    /** The batch's changes were decided on a state another writer has changed since: none of them is in the log. */
    private static final class DecidedOnStaleState extends RuntimeException {

        private final transient List<AggregateLanes.Task<Object>> tasks;

        DecidedOnStaleState(List<AggregateLanes.Task<Object>> tasks) {
            super(null, null, false, false);
            this.tasks = tasks;
        }

        List<AggregateLanes.Task<Object>> tasks() {
            return tasks;
        }
    }
}
