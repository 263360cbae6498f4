package com.dealbridge.sync.inbox;

import com.dealbridge.sync.deadletter.DeadLetters;
import com.dealbridge.sync.lane.AggregateLanes;
import com.dealbridge.sync.lane.LaneWork;
import com.dealbridge.sync.lane.RaceBackOff;
import com.dealbridge.sync.log.ChangeLog;
import com.dealbridge.sync.log.LogEntry;
import com.dealbridge.sync.trace.SyncTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what the other side published. A poll is read, grouped by aggregate and handed to the aggregates'
 * lanes, which run in parallel; the poll's offsets are committed only once every lane is done. Within a lane the
 * events the replica's check lets through go into the change log in one write (its unique key drops duplicates;
 * the same place held by another event is a reused sequence number, dead-lettered), then the ones that follow the
 * applied mark are applied in order and the aggregate saved once. An event after a gap is parked in the log and
 * applied when the gap fills; it is never skipped. Records that can never apply go to the dead-letter topic with
 * the reason, and the consumer goes on. A refused event leaves nothing behind: not its place in the log, which
 * the genuine event can still take, nor anything it changed in the aggregate before it was refused.
 */
public class Inbox<W> {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private static final int MAX_ATTEMPTS = 20;
    private static final int PROBE = 64;

    private final ChangeLog changeLog;
    private final Replica<W> replica;
    private final EventReader reader;
    private final DeadLetters deadLetters;
    private final AggregateLanes<LaneWork> lanes;
    private final InboxProperties properties;
    private final String inboundTopic;
    private final Counter applied;
    private final Counter duplicates;
    private final Timer lag;
    private final SyncTracing tracing;
    private final String spanName;

    public Inbox(ChangeLog changeLog, Replica<W> replica, EventReader reader, DeadLetters deadLetters,
                 AggregateLanes<LaneWork> lanes, InboxProperties properties, String inboundTopic,
                 MeterRegistry meters) {
        this(changeLog, replica, reader, deadLetters, lanes, properties, inboundTopic, meters, SyncTracing.NONE);
    }

    /** @param tracing applies each record that carries a trace context in a span continuing it */
    public Inbox(ChangeLog changeLog, Replica<W> replica, EventReader reader, DeadLetters deadLetters,
                 AggregateLanes<LaneWork> lanes, InboxProperties properties, String inboundTopic,
                 MeterRegistry meters, SyncTracing tracing) {
        this.tracing = tracing;
        this.spanName = "process " + inboundTopic;
        this.inboundTopic = inboundTopic;
        this.changeLog = changeLog;
        this.replica = replica;
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.lanes = lanes;
        this.properties = properties;
        this.applied = Counter.builder("dealbridge.inbox.applied").description("received events applied")
                .register(meters);
        this.duplicates = Counter.builder("dealbridge.inbox.duplicates")
                .description("received events dropped as already applied").register(meters);
        // buckets from 1 ms to an hour (an outage's catch-up) and exact ones at the lags alerts are written for
        this.lag = Timer.builder("dealbridge.propagation.lag")
                .description("from an event's occurredAt on the other side to its application on this side")
                .tag("topic", inboundTopic).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(1))
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30))
                .register(meters);
    }

    /** Applies a poll; returns when all of it is applied, parked or dead-lettered. */
    public void accept(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<InboxWork.Item>> byAggregate = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Received received = reader.read(record);
                byAggregate.computeIfAbsent(received.aggregateId(), id -> new ArrayList<>())
                        .add(new InboxWork.Item(record, received));
            } catch (InvalidEventException e) {
                deadLetters.deadLetter(record, e);
            }
        }
        List<CompletableFuture<Object>> work = new ArrayList<>();
        byAggregate.forEach((aggregateId, items) -> work.add(lanes.submit(aggregateId,
                new InboxWork(items, deadLetters::deadLetter))));
        try {
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            // the store failed: the whole poll is applied again (idempotently) after a back-off
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying a poll", e);
        }
    }

    /**
     * Applies one dead letter again (after its cause was fixed): applied, or parked behind a gap, or refused again
     * with the reason.
     *
     * @throws InvalidEventException still refused; nothing was dead-lettered again
     */
    public void replay(ConsumerRecord<String, byte[]> record) {
        Received received = reader.read(record);
        List<InvalidEventException> refused = new ArrayList<>();
        InboxWork work = new InboxWork(List.of(new InboxWork.Item(record, received)),
                (rejected, reason) -> refused.add(reason));
        try {
            lanes.submit(received.aggregateId(), work).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        }
        if (!refused.isEmpty()) {
            throw refused.get(0);
        }
    }

    /**
     * Runs in the aggregate's lane. A pass loads the aggregate, applies what it can and saves once. Another pass
     * follows when the first lost a race (all again), when an event was refused while being applied (all again
     * without it, from the store: nothing it changed before it was refused is saved), and for the records that
     * claimed a place another record of the same poll held (decided once that one is applied or refused, so a
     * forged event refused on applying leaves its place to the genuine one). Each record is refused once.
     */
    public void receive(String aggregateId, InboxWork work) {
        Set<ConsumerRecord<String, byte[]>> refused = Collections.newSetFromMap(new IdentityHashMap<>());
        InboxWork.Refusals once = (record, reason) -> {
            if (refused.add(record)) {
                work.refusals().refuse(record, reason);
            }
        };
        List<InboxWork.Item> pending = work.items();
        boolean heldBefore = false;
        int races = 0;
        while (!pending.isEmpty()) {
            try {
                pending = receiveOnce(aggregateId, pending, heldBefore, once);
                heldBefore = true;
            } catch (ConcurrentChangeException race) {
                if (++races >= MAX_ATTEMPTS) {
                    throw race;
                }
                log.debug("{} changed meanwhile (attempt {}), applying again", aggregateId, races);
                RaceBackOff.pause(races);
                pending = notRefused(pending, refused);
            } catch (RefusedOnApplying refusal) {
                log.debug("{}: an event was refused on applying, applying the others again without it", aggregateId);
                pending = notRefused(pending, refused);
            }
        }
    }

    private static List<InboxWork.Item> notRefused(List<InboxWork.Item> items,
                                                   Set<ConsumerRecord<String, byte[]>> refused) {
        return items.stream().filter(item -> !refused.contains(item.record())).toList();
    }

    /**
     * One pass over the items. @return the items whose place in the sequence another item of this pass held with
     * another event: the next pass decides them
     *
     * @param heldBefore the items were held back by an earlier pass: one at or below the mark now is a duplicate
     *                   only if the log holds the same event at its place
     */
    private List<InboxWork.Item> receiveOnce(String aggregateId, List<InboxWork.Item> items, boolean heldBefore,
                                             InboxWork.Refusals refusals) {
        W working = replica.load(aggregateId);
        Map<String, TreeMap<Long, InboxWork.Item>> candidates = new LinkedHashMap<>();
        List<InboxWork.Item> unsequenced = new ArrayList<>();
        List<InboxWork.Item> heldBack = new ArrayList<>();
        int duplicatesNow = 0;
        for (InboxWork.Item item : items) {
            if (item.received() instanceof Received.Sequenced sequenced) {
                LogEntry entry = sequenced.entry();
                long mark = replica.mark(working, entry.origin());
                if (entry.sequence() <= mark) {
                    if (heldBefore && takenByAnother(entry)) {
                        refusals.refuse(item.record(), reused(entry));
                    } else {
                        duplicatesNow++;
                        log.debug("skipped duplicate {}", entry);
                    }
                } else if (entry.sequence() > mark + properties.maxSequenceJump()) {
                    refusals.refuse(item.record(), new InvalidEventException("sequence " + entry.sequence()
                            + " of " + entry.origin() + " is more than " + properties.maxSequenceJump()
                            + " ahead of the last applied (" + mark + "): no sender produced that many events"));
                } else if (checked(working, item, sequenced, refusals)) {
                    TreeMap<Long, InboxWork.Item> places = candidates.computeIfAbsent(entry.origin(),
                            o -> new TreeMap<>());
                    InboxWork.Item earlier = places.putIfAbsent(entry.sequence(), item);
                    if (earlier != null && !((Received.Sequenced) earlier.received()).entry().eventId()
                            .equals(entry.eventId())) {
                        heldBack.add(item);
                    } else if (earlier != null) {
                        duplicatesNow++; // the same event twice in one poll
                    }
                }
            } else {
                unsequenced.add(item);
            }
        }
        // what follows each origin's mark in order (a snapshot covers any gap before it); the rest waits
        Map<String, List<InboxWork.Item>> runs = new LinkedHashMap<>();
        Set<String> parkedIds = new HashSet<>();
        candidates.forEach((origin, bySequence) -> {
            List<InboxWork.Item> run = new ArrayList<>();
            List<String> waiting = new ArrayList<>();
            long next = replica.mark(working, origin) + 1;
            for (InboxWork.Item item : bySequence.values()) {
                Received.Sequenced event = (Received.Sequenced) item.received();
                if (event.entry().sequence() == next || event.coversGap()) {
                    run.add(item);
                    next = event.entry().sequence() + 1;
                    // what waited before a snapshot is covered by it (ascending order: all of it)
                    waiting.forEach(parkedIds::remove);
                    waiting.clear();
                } else {
                    parkedIds.add(event.entry().id());
                    waiting.add(event.entry().id());
                }
            }
            runs.put(origin, run);
        });
        List<InboxWork.Item> logged = candidates.values().stream().flatMap(m -> m.values().stream()).toList();
        List<ChangeLog.Received> outcomes = changeLog.insertReceived(logged.stream()
                .map(Inbox::toLog).toList(), parkedIds);
        Set<String> conflicting = new HashSet<>();
        List<String> stopped = new ArrayList<>();
        for (int i = 0; i < logged.size(); i++) {
            LogEntry entry = ((Received.Sequenced) logged.get(i).received()).entry();
            if (outcomes.get(i) == ChangeLog.Received.CONFLICT) {
                conflicting.add(entry.id());
                refusals.refuse(logged.get(i).record(), reused(entry));
            } else if (outcomes.get(i) == ChangeLog.Received.DUPLICATE && parkedIds.contains(entry.id())) {
                // logged by an earlier pass or poll that did not get to park it: it waits now
                stopped.add(entry.id());
            }
        }
        boolean parkedMayChange = !parkedIds.isEmpty() || replica.parked(working) > 0;
        List<LogEntry> appliedNow = new ArrayList<>();
        for (Map.Entry<String, List<InboxWork.Item>> run : runs.entrySet()) {
            parkedMayChange |= applyRun(aggregateId, working, run.getKey(), run.getValue(), conflicting, stopped,
                    refusals, appliedNow);
        }
        for (InboxWork.Item item : unsequenced) {
            try {
                replica.receive(working, (Received.Unsequenced) item.received());
            } catch (InvalidEventException e) {
                refusals.refuse(item.record(), e);
            }
        }
        if (parkedMayChange) {
            changeLog.setParked(stopped, true);
            recountParked(aggregateId, working);
        }
        replica.save(working);
        counted(appliedNow);
        duplicates.increment(duplicatesNow);
        return heldBack;
    }

    /**
     * Counts what a pass applied once its save succeeded: a pass that lost a race or met a refusal saved nothing, and
     * the pass after it applies (and counts) the same events again. Duplicates are counted the same way.
     */
    private void counted(List<LogEntry> appliedNow) {
        if (appliedNow.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        for (LogEntry entry : appliedNow) {
            // the other side's clock may be ahead of this one: a negative lag counts as none
            lag.record(Math.max(0, now - entry.occurredAt().toEpochMilli()), TimeUnit.MILLISECONDS);
        }
        applied.increment(appliedNow.size());
    }

    /** The replica's check before anything is stored; false: refused. */
    private boolean checked(W working, InboxWork.Item item, Received.Sequenced event,
                            InboxWork.Refusals refusals) {
        try {
            replica.check(working, event);
            return true;
        } catch (InvalidEventException e) {
            refusals.refuse(item.record(), e);
            return false;
        }
    }

    /** Whether the log holds another event at this entry's place (one applied, or one a snapshot covered: none). */
    private boolean takenByAnother(LogEntry entry) {
        List<LogEntry> held = changeLog.find(entry.aggregateId(), entry.origin(), entry.sequence(), 1);
        return !held.isEmpty() && !held.get(0).eventId().equals(entry.eventId());
    }

    private static InvalidEventException reused(LogEntry entry) {
        return new InvalidEventException("sequence " + entry.sequence() + " of " + entry.origin() + " was already"
                + " received as another event: the sender reused a number it had published (resync the aggregate"
                + " from the " + entry.origin() + " side)");
    }

    /**
     * Applies a run in order, then the parked entries that now follow it. An event that follows a reused number
     * stops its origin: the rest of the run waits behind it ({@code stopped}). @return whether parked entries may
     * have changed
     *
     * @throws RefusedOnApplying an event was refused (dead-lettered, and out of the log again, so later events wait
     *                           for it until a replay brings it back): the working set may hold part of it
     */
    private boolean applyRun(String aggregateId, W working, String origin, List<InboxWork.Item> run,
                             Set<String> conflicting, List<String> stopped, InboxWork.Refusals refusals,
                             List<LogEntry> appliedNow) {
        for (int i = 0; i < run.size(); i++) {
            InboxWork.Item item = run.get(i);
            Received.Sequenced event = (Received.Sequenced) item.received();
            if (conflicting.contains(event.entry().id())) {
                run.subList(i + 1, run.size()).forEach(rest -> stopped.add(idOf(rest)));
                return true;
            }
            apply(working, event, item.record(), refusals);
            appliedNow.add(event.entry());
        }
        if (replica.parked(working) == 0) {
            return false; // nothing waits in the log: the happy path reads nothing more
        }
        while (true) {
            long next = replica.mark(working, origin) + 1;
            List<LogEntry> waiting = changeLog.find(aggregateId, origin, next, PROBE);
            if (waiting.isEmpty() || waiting.get(0).sequence() != next) {
                return true;
            }
            for (LogEntry entry : waiting) {
                if (entry.sequence() != replica.mark(working, origin) + 1) {
                    return true;
                }
                ConsumerRecord<String, byte[]> record = asRecord(entry);
                Received.Sequenced event;
                try {
                    event = (Received.Sequenced) reader.read(record);
                } catch (InvalidEventException e) {
                    log.error("parked {} can no longer be read; it stays parked", entry, e);
                    return true;
                }
                apply(working, event, record, refusals);
                appliedNow.add(event.entry());
                log.info("applied parked {}", entry);
            }
        }
    }

    /** Entries at or below their origin's mark no longer wait: applied, or covered by a snapshot. */
    private void recountParked(String aggregateId, W working) {
        List<LogEntry> parked = changeLog.parked(aggregateId);
        List<String> done = parked.stream()
                .filter(entry -> entry.sequence() <= replica.mark(working, entry.origin())).map(LogEntry::id)
                .toList();
        changeLog.setParked(done, false);
        replica.setParked(working, parked.size() - done.size());
    }

    /** The item's entry as logged: with the record's trace context, so a parked event is applied in its trace. */
    private static LogEntry toLog(InboxWork.Item item) {
        LogEntry entry = ((Received.Sequenced) item.received()).entry();
        String traceparent = SyncTracing.traceparent(item.record());
        return traceparent == null || traceparent.equals(entry.traceparent()) ? entry
                : entry.withTraceparent(traceparent);
    }

    private static String idOf(InboxWork.Item item) {
        return ((Received.Sequenced) item.received()).entry().id();
    }

    /**
     * Applies the event in a span continuing the trace its record carries (none without).
     *
     * @throws RefusedOnApplying refused: dead-lettered and removed from the log
     */
    private void apply(W working, Received.Sequenced event, ConsumerRecord<String, byte[]> record,
                       InboxWork.Refusals refusals) {
        try (SyncTracing.Applying applying = tracing.applying(SyncTracing.traceparent(record), spanName,
                inboundTopic)) {
            try {
                replica.apply(working, event);
                log.debug("applied {}", event.entry());
            } catch (InvalidEventException e) {
                applying.refused(e);
                throw e;
            }
        } catch (InvalidEventException e) {
            refusals.refuse(record, e);
            changeLog.remove(List.of(event.entry().id()));
            throw new RefusedOnApplying();
        }
    }

    /** A parked entry as the record it came in: its bytes (and trace context) are what was received. */
    private ConsumerRecord<String, byte[]> asRecord(LogEntry entry) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(inboundTopic, -1, -1, entry.aggregateId(),
                entry.payload());
        if (entry.traceparent() != null) {
            record.headers().add(SyncTracing.TRACEPARENT, entry.traceparent().getBytes(StandardCharsets.US_ASCII));
        }
        return record;
    }

    /** An event was refused while being applied: the pass ends without saving, the next starts from the store. */
    private static final class RefusedOnApplying extends RuntimeException {

        RefusedOnApplying() {
            super(null, null, false, false);
        }
    }
}
