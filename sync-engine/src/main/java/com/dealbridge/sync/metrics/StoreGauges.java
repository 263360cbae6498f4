package com.dealbridge.sync.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges whose value is a count in the store (unpublished entries, parked entries, pending dead letters). A scrape
 * must not query the store — Prometheus scrapes every instance every few seconds, whatever the store's size — so
 * one background thread counts again at a fixed interval and the gauge reads the last count. Each count is served
 * by an index on the counted flag (a partial one on MongoDB; the embedded store's equality index), so it reads the
 * counted documents only, not the collection. A count that fails keeps the last value and is tried again.
 */
public final class StoreGauges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreGauges.class);

    private final MeterRegistry meters;
    private final List<Counted> gauges = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dealbridge-store-gauges");
        thread.setDaemon(true);
        return thread;
    });

    public StoreGauges(MeterRegistry meters, Duration interval) {
        this.meters = meters;
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Registers a gauge (base unit null: none) whose value is {@code count}, counted in the background. */
    public void register(String name, String description, String baseUnit, Tags tags, LongSupplier count) {
        Counted counted = new Counted(name, count);
        Gauge.builder(name, counted.value, AtomicLong::doubleValue).description(description).baseUnit(baseUnit)
                .tags(tags).strongReference(true).register(meters);
        gauges.add(counted);
        scheduler.execute(() -> refresh(counted));
    }

    private void refresh() {
        gauges.forEach(this::refresh);
    }

    private void refresh(Counted counted) {
        try {
            counted.value.set(counted.count.getAsLong());
        } catch (RuntimeException e) {
            log.warn("could not count {} (keeping the last value, {})", counted.name, counted.value.get(), e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private record Counted(String name, LongSupplier count, AtomicLong value) {

        Counted(String name, LongSupplier count) {
            this(name, count, new AtomicLong());
        }
    }
}
