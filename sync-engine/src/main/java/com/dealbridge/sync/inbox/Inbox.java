package com.dealbridge.sync.inbox;

import com.dealbridge.sync.deadletter.DeadLetters;
import com.dealbridge.sync.lane.AggregateLanes;
import com.dealbridge.sync.lane.LaneWork;
import com.dealbridge.sync.log.ChangeLog;
import com.dealbridge.sync.log.LogEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what the other side published. A poll is read, grouped by aggregate and handed to the aggregates'
 * lanes, which run in parallel; the poll's offsets are committed only once every lane is done. Within a lane the
 * events go into the change log in one write (its unique key drops duplicates; the same place held by another
 * event is a reused sequence number, dead-lettered), then the ones that follow the applied mark are applied in
 * order and the aggregate saved once. An event after a gap is parked in the log and applied when the gap fills;
 * it is never skipped. Records that can never apply go to the dead-letter topic with the reason, and the
 * consumer goes on.
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

    public Inbox(ChangeLog changeLog, Replica<W> replica, EventReader reader, DeadLetters deadLetters,
                 AggregateLanes<LaneWork> lanes, InboxProperties properties, String inboundTopic,
                 MeterRegistry meters) {
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

    /** Runs in the aggregate's lane. */
    public void receive(String aggregateId, InboxWork work) {
        for (int attempt = 1; ; attempt++) {
            try {
                receiveOnce(aggregateId, work.items(), work.refusals());
                return;
            } catch (ConcurrentChangeException race) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw race;
                }
                log.debug("{} changed meanwhile (attempt {}), applying again", aggregateId, attempt);
            }
        }
    }

    private void receiveOnce(String aggregateId, List<InboxWork.Item> items, InboxWork.Refusals refusals) {
        W working = replica.load(aggregateId);
        Map<String, TreeMap<Long, InboxWork.Item>> candidates = new LinkedHashMap<>();
        List<InboxWork.Item> unsequenced = new ArrayList<>();
        for (InboxWork.Item item : items) {
            if (item.received() instanceof Received.Sequenced sequenced) {
                LogEntry entry = sequenced.entry();
                long mark = replica.mark(working, entry.origin());
                if (entry.sequence() <= mark) {
                    duplicates.increment();
                    log.debug("skipped duplicate {}", entry);
                } else if (entry.sequence() > mark + properties.maxSequenceJump()) {
                    refusals.refuse(item.record(), new InvalidEventException("sequence " + entry.sequence()
                            + " of " + entry.origin() + " is more than " + properties.maxSequenceJump()
                            + " ahead of the last applied (" + mark + "): no sender produced that many events"));
                } else {
                    InboxWork.Item earlier = candidates.computeIfAbsent(entry.origin(), o -> new TreeMap<>())
                            .putIfAbsent(entry.sequence(), item);
                    if (earlier != null && !((Received.Sequenced) earlier.received()).entry().eventId()
                            .equals(entry.eventId())) {
                        refusals.refuse(item.record(), reused(entry));
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
                .map(item -> ((Received.Sequenced) item.received()).entry()).toList(), parkedIds);
        Set<String> conflicting = new HashSet<>();
        for (int i = 0; i < logged.size(); i++) {
            if (outcomes.get(i) == ChangeLog.Received.CONFLICT) {
                LogEntry entry = ((Received.Sequenced) logged.get(i).received()).entry();
                conflicting.add(entry.id());
                refusals.refuse(logged.get(i).record(), reused(entry));
            }
        }
        boolean parkedMayChange = !parkedIds.isEmpty() || replica.parked(working) > 0;
        List<String> stopped = new ArrayList<>();
        for (Map.Entry<String, List<InboxWork.Item>> run : runs.entrySet()) {
            parkedMayChange |= applyRun(aggregateId, working, run.getKey(), run.getValue(), conflicting, stopped,
                    refusals);
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
    }

    private static InvalidEventException reused(LogEntry entry) {
        return new InvalidEventException("sequence " + entry.sequence() + " of " + entry.origin() + " was already"
                + " received as another event: the sender reused a number it had published (resync the aggregate"
                + " from the " + entry.origin() + " side)");
    }

    /**
     * Applies a run in order, then the parked entries that now follow it. A refused event stops its origin: the
     * rest of the run waits behind it ({@code stopped}). @return whether parked entries may have changed
     */
    private boolean applyRun(String aggregateId, W working, String origin, List<InboxWork.Item> run,
                             Set<String> conflicting, List<String> stopped, InboxWork.Refusals refusals) {
        for (int i = 0; i < run.size(); i++) {
            InboxWork.Item item = run.get(i);
            Received.Sequenced event = (Received.Sequenced) item.received();
            if (conflicting.contains(event.entry().id())) {
                run.subList(i + 1, run.size()).forEach(rest -> stopped.add(idOf(rest)));
                return true;
            }
            if (!apply(working, event, item.record(), refusals)) {
                // refused: out of the log again, so later events wait for it (a replay brings it back)
                changeLog.remove(List.of(event.entry().id()));
                run.subList(i + 1, run.size()).forEach(rest -> stopped.add(idOf(rest)));
                return true;
            }
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
                if (!apply(working, event, record, refusals)) {
                    changeLog.remove(List.of(entry.id()));
                    return true;
                }
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

    private static String idOf(InboxWork.Item item) {
        return ((Received.Sequenced) item.received()).entry().id();
    }

    private boolean apply(W working, Received.Sequenced event, ConsumerRecord<String, byte[]> record,
                          InboxWork.Refusals refusals) {
        try {
            replica.apply(working, event);
            applied.increment();
            return true;
        } catch (InvalidEventException e) {
            refusals.refuse(record, e);
            return false;
        }
    }

    /** A parked entry as the record it came in: its bytes are what was received. */
    private ConsumerRecord<String, byte[]> asRecord(LogEntry entry) {
        return new ConsumerRecord<>(inboundTopic, -1, -1, entry.aggregateId(), entry.payload());
    }
}
