package com.dealbridge.sync.relay;

import com.dealbridge.sync.log.ChangeLog;
import com.dealbridge.sync.log.LogEntry;
import com.dealbridge.sync.trace.SyncTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes this side's events with one idempotent producer ({@code acks=all}): writers hand their committed
 * entries over in-process, so the happy path has no polling and no store read; the sender sends whatever queued
 * up as one batch across aggregates, in order per aggregate (one thread, one producer, key = aggregate id), and
 * marks the batch published in one write once Kafka acknowledged all of it. A sweep finds what a crash, an
 * outage or another instance left unpublished. Several instances are safe: at worst an event is sent twice, and
 * the receiver's log drops the copy.
 */
public class Relay implements AutoCloseable {

    public static final String EVENT_ID_HEADER = "dealbridge-event-id";
    public static final String EVENT_TYPE_HEADER = "dealbridge-event-type";
    public static final String SEQUENCE_HEADER = "dealbridge-sequence";

    private static final Logger log = LoggerFactory.getLogger(Relay.class);

    private final ChangeLog changeLog;
    private final PublishedMarks marks;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final Followers followers;
    private final SweepListener sweepListener;
    private final RelayProperties properties;
    private final Counter published;
    private final Timer publishedIn;
    private final Timer failedIn;
    private final ArrayDeque<LogEntry> queue = new ArrayDeque<>();
    /** Entries queued or in flight, so a sweep does not queue them again. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "relay-sweep");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread sender;
    private volatile boolean running = true;

    /** Told which aggregates a sweep found unpublished events of, before they are sent (e.g. to catch up). */
    @FunctionalInterface
    public interface SweepListener {
        void found(java.util.Set<String> aggregateIds);
    }

    public Relay(ChangeLog changeLog, PublishedMarks marks, KafkaTemplate<String, byte[]> kafka, String topic,
                 Followers followers, SweepListener sweepListener, RelayProperties properties,
                 MeterRegistry meters) {
        this.sweepListener = sweepListener;
        this.changeLog = changeLog;
        this.marks = marks;
        this.kafka = kafka;
        this.topic = topic;
        this.followers = followers;
        this.properties = properties;
        this.published = Counter.builder("dealbridge.relay.published").description("events published")
                .tag("topic", topic).register(meters);
        this.publishedIn = publishTimer(meters, topic, "success", properties.sendTimeout());
        this.failedIn = publishTimer(meters, topic, "failure", properties.sendTimeout());
        this.sender = new Thread(this::sendLoop, "relay-sender");
        this.sender.setDaemon(true);
    }

    /** Hands committed entries over for publishing, in sequence order per aggregate. */
    public void enqueue(List<LogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        synchronized (queue) {
            for (LogEntry entry : entries) {
                if (known.add(entry.id())) {
                    queue.add(entry);
                }
            }
            queue.notifyAll();
        }
    }

    /** Starts the sender, and a sweep of everything a previous run left, then periodic sweeps. */
    public void start() {
        sender.start();
        sweeper.execute(() -> safeSweep(null));
        long interval = properties.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(() -> safeSweep(java.time.Instant.now().minusMillis(interval)), interval,
                interval, TimeUnit.MILLISECONDS);
    }

    /** Queues the unpublished entries logged before {@code loggedBefore} that this instance does not know. */
    public int sweep(java.time.Instant loggedBefore) {
        List<LogEntry> pending = changeLog.unpublished(10_000, loggedBefore).stream()
                .filter(e -> !known.contains(e.id())).toList();
        if (!pending.isEmpty()) {
            // an entry left unpublished may also have missed its projection (a crash right after the insert)
            sweepListener.found(new java.util.HashSet<>(pending.stream().map(LogEntry::aggregateId).toList()));
        }
        enqueue(pending);
        if (!pending.isEmpty()) {
            log.info("relay sweep queued {} unpublished event(s)", pending.size());
        }
        return pending.size();
    }

    private void safeSweep(java.time.Instant loggedBefore) {
        try {
            sweep(loggedBefore);
        } catch (RuntimeException e) {
            log.warn("relay sweep failed (will run again)", e);
        }
    }

    private void sendLoop() {
        List<LogEntry> batch = new ArrayList<>();
        while (running) {
            try {
                if (batch.isEmpty()) {
                    take(batch);
                    if (batch.isEmpty()) {
                        continue;
                    }
                }
                publish(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("could not publish {} event(s) to {} (will retry in {})", batch.size(), topic,
                        properties.retryDelay(), e);
                sleep(properties.retryDelay().toMillis());
            }
        }
    }

    private void take(List<LogEntry> batch) throws InterruptedException {
        synchronized (queue) {
            if (queue.isEmpty()) {
                queue.wait(200);
            }
            while (!queue.isEmpty() && batch.size() < properties.maxBatch()) {
                batch.add(queue.poll());
            }
        }
    }

    /**
     * How long Kafka took to acknowledge a batch (send to last acknowledgement), by outcome; histogram buckets so
     * that percentiles can be computed over instances.
     */
    private static Timer publishTimer(MeterRegistry meters, String topic, String outcome, Duration sendTimeout) {
        return Timer.builder("dealbridge.relay.publish")
                .description("time for Kafka to acknowledge a batch of published events (send to last ack)")
                .tag("topic", topic).tag("outcome", outcome).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(sendTimeout.multipliedBy(2))
                .register(meters);
    }

    /** Sends the batch and its followers; marks it published once every record is acknowledged. */
    private void publish(List<LogEntry> batch) throws Exception {
        long started = System.nanoTime();
        try {
            send(batch);
        } catch (Exception e) {
            failedIn.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            throw e;
        }
        publishedIn.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        List<String> ids = new ArrayList<>(batch.size());
        Map<String, Long> upTo = new HashMap<>();
        for (LogEntry entry : batch) {
            ids.add(entry.id());
            upTo.merge(entry.aggregateId(), entry.sequence(), Math::max);
        }
        changeLog.markPublished(ids);
        marks.advance(upTo);
        ids.forEach(known::remove);
        published.increment(batch.size());
    }

    /** Sends the batch and its followers and waits until Kafka acknowledged every record. */
    private void send(List<LogEntry> batch) throws Exception {
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
        for (LogEntry entry : batch) {
            // the trace context the change was decided in, as the record's W3C header (the same for its followers)
            byte[] traceparent = entry.traceparent() == null ? null : bytes(entry.traceparent());
            sends.add(kafka.send(record(entry.aggregateId(), entry.sequence(), entry.eventId(), entry.type(),
                    entry.payload(), entry.occurredAt().toEpochMilli(), traceparent)).thenApply(result -> null));
            // the producer's bounded buffer makes send() wait rather than hold a whole file here
            followers.forEach(entry, (eventId, type, payload) -> sends.add(kafka.send(record(entry.aggregateId(),
                    entry.sequence(), eventId, type, payload, entry.occurredAt().toEpochMilli(), traceparent))
                    .thenApply(result -> null)));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private ProducerRecord<String, byte[]> record(String key, long sequence, String eventId, String type,
                                                  byte[] payload, long timestamp, byte[] traceparent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, timestamp, key, payload);
        record.headers().add(new RecordHeader(EVENT_ID_HEADER, bytes(eventId)));
        record.headers().add(new RecordHeader(EVENT_TYPE_HEADER, bytes(type)));
        record.headers().add(new RecordHeader(SEQUENCE_HEADER, bytes(Long.toString(sequence))));
        if (traceparent != null) {
            record.headers().add(new RecordHeader(SyncTracing.TRACEPARENT, traceparent));
        }
        return record;
    }

    /** How many entries wait to be sent by this instance. */
    public int queued() {
        synchronized (queue) {
            return queue.size();
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sweeper.shutdownNow();
        synchronized (queue) {
            queue.notifyAll();
        }
        sender.join(10_000);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
