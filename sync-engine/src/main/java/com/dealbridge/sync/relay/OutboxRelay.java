package com.dealbridge.sync.relay;

import com.dealbridge.sync.store.Outbox;
import com.dealbridge.sync.store.OutboxEntry;
import com.dealbridge.sync.store.RelaySignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes each deal's outbox in sequence order (idempotent producer, acks=all), then removes what Kafka
 * acknowledged. Woken in-process right after a write, so the happy path has no polling delay; a sweep covers
 * what a crash or an outage left behind. At-least-once: the receiving inbox drops duplicates by sequence.
 */
public class OutboxRelay implements RelaySignal, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Marks whether a deal was woken again while it was being drained. */
    private final ConcurrentHashMap<String, Boolean> woken = new ConcurrentHashMap<>();
    private final Outbox outbox;
    private final RelayLeases leases;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final Duration sendTimeout;
    private final Duration retryDelay;
    private final Duration sweepInterval;
    private final ExecutorService workers;
    private final ScheduledExecutorService retries;
    private final Counter published;
    private volatile boolean running = true;

    public OutboxRelay(Outbox outbox, MongoOperations mongo, String instanceId, KafkaTemplate<String, byte[]> kafka,
                       String topic, RelayProperties properties, MeterRegistry meters) {
        this.outbox = outbox;
        this.leases = new RelayLeases(mongo, instanceId, properties.leaseDuration().toMillis(), Clock.systemUTC());
        this.sweepInterval = properties.sweepInterval();
        this.kafka = kafka;
        this.topic = topic;
        this.sendTimeout = properties.sendTimeout();
        this.retryDelay = properties.retryDelay();
        this.workers = Executors.newFixedThreadPool(properties.threads(), named("outbox-relay"));
        this.retries = Executors.newSingleThreadScheduledExecutor(named("outbox-relay-retry"));
        this.published = Counter.builder("dealbridge.relay.published").description("events published")
                .tag("topic", topic).register(meters);
    }

    @Override
    public void wake(String sharedDealId) {
        if (running && woken.put(sharedDealId, Boolean.TRUE) == null) {
            workers.execute(() -> drain(sharedDealId));
        }
    }

    private void drain(String sharedDealId) {
        boolean again;
        do {
            woken.put(sharedDealId, Boolean.FALSE);
            boolean more = publishOnce(sharedDealId);
            again = more || !woken.remove(sharedDealId, Boolean.FALSE);
            if (more && !running) {
                woken.remove(sharedDealId);
                return;
            }
        } while (again && running);
    }

    /** Publishes what is pending for one deal; answers true when it should run again right away. */
    private boolean publishOnce(String sharedDealId) {
        if (!leases.tryAcquire(sharedDealId)) {
            retryLater(sharedDealId);
            return false;
        }
        try {
            List<OutboxEntry> pending = outbox.pending(sharedDealId);
            if (pending.isEmpty()) {
                return false;
            }
            send(sharedDealId, pending);
            published.increment(pending.size());
            return outbox.markPublished(sharedDealId, pending.get(pending.size() - 1).sequence());
        } catch (Exception e) {
            log.warn("could not publish outbox of deal {} to {} (will retry): {}", sharedDealId, topic,
                    e.toString());
            retryLater(sharedDealId);
            return false;
        } finally {
            leases.release(sharedDealId);
        }
    }

    private void send(String sharedDealId, List<OutboxEntry> pending) throws Exception {
        // mapped to Void: a completed SendResult holds its record, and chunk records must not pile up here
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (OutboxEntry entry : pending) {
            sends.add(acknowledged(kafka.send(record(sharedDealId, entry, entry.eventId(), entry.type(),
                    entry.payload()))));
            // an attachment's bytes follow its announcement, streamed from the stored file chunk by chunk; the
            // producer's bounded buffer makes send() wait rather than hold the whole file
            outbox.forEachChunk(entry, (chunkEventId, chunk) -> sends.add(acknowledged(kafka.send(
                    record(sharedDealId, entry, chunkEventId, "AttachmentChunk", chunk)))));
        }
        // The idempotent producer keeps the order within the partition; every send must be acknowledged
        // before the entries may leave the outbox.
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static CompletableFuture<Void> acknowledged(CompletableFuture<SendResult<String, byte[]>> send) {
        return send.thenApply(result -> null);
    }

    private ProducerRecord<String, byte[]> record(String sharedDealId, OutboxEntry entry, String eventId,
                                                  String type, byte[] payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, entry.createdAt().toEpochMilli(),
                sharedDealId, payload);
        record.headers().add(new RecordHeader("dealbridge-event-id", bytes(eventId)));
        record.headers().add(new RecordHeader("dealbridge-event-type", bytes(type)));
        record.headers().add(new RecordHeader("dealbridge-sequence", bytes(Long.toString(entry.sequence()))));
        return record;
    }

    private void retryLater(String sharedDealId) {
        if (running) {
            retries.schedule(() -> wake(sharedDealId), retryDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Wakes every deal whose outbox is not empty: after a start, a crash, or a Kafka outage. */
    public int sweep() {
        List<String> ids = outbox.pendingDealIds(1000);
        ids.forEach(this::wake);
        if (!ids.isEmpty()) {
            log.debug("sweep woke {} deal(s) with pending events", ids.size());
        }
        return ids.size();
    }

    /** Sweeps once now (what a previous run left) and then periodically. */
    public void start() {
        retries.scheduleWithFixedDelay(this::safeSweep, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safeSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("outbox sweep failed (will run again): {}", e.toString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        retries.shutdownNow();
        workers.shutdown();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
