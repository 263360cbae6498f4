package com.dealbridge.sync.lane;

import com.dealbridge.sync.trace.SyncTracing;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One lane per aggregate: its work runs one batch at a time, in the order it was submitted, on a shared pool.
 * What queued up while a batch ran is handled as the next batch, together, so that writers of the same aggregate
 * share one load and one write (eight writers adding notes to one deal cost one append and one projection write
 * per batch, not eight). Different aggregates run in parallel.
 *
 * @param <T> a unit of work; the handler completes it
 */
public final class AggregateLanes<T> implements AutoCloseable {

    /** Handles one batch of one aggregate's work; whatever it throws fails the batch's tasks that are not done. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(String aggregateId, List<Task<T>> batch) throws Exception;
    }

    /** A unit of work and the future its submitter waits on. */
    public static final class Task<T> {

        private final T work;
        private final String traceparent;
        private final CompletableFuture<Object> done = new CompletableFuture<>();

        Task(T work, String traceparent) {
            this.work = work;
            this.traceparent = traceparent;
        }

        public T work() {
            return work;
        }

        /**
         * The W3C trace context of the span current where the work was submitted (null: none), taken there since
         * the work may run on a pool thread, batched with other submitters' work: what the work records carries it.
         */
        public String traceparent() {
            return traceparent;
        }

        public void complete(Object result) {
            done.complete(result);
        }

        public void fail(Throwable failure) {
            done.completeExceptionally(failure);
        }

        public boolean isDone() {
            return done.isDone();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(AggregateLanes.class);

    /**
     * The logging MDC key holding the aggregate whose lane is running, so every log line of its work names it (the
     * services' logging pattern shows it next to the trace id).
     */
    public static final String MDC_KEY = "aggregateId";

    /** The aggregate whose lane the current thread is running, if any. */
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private final ConcurrentHashMap<String, Lane<T>> lanes = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final Handler<T> handler;
    private final int maxBatch;
    private final SyncTracing tracing;

    public AggregateLanes(String name, int threads, int maxBatch, Handler<T> handler) {
        this(name, threads, maxBatch, handler, SyncTracing.NONE);
    }

    /** @param tracing takes each task's trace context where it is submitted */
    public AggregateLanes(String name, int threads, int maxBatch, Handler<T> handler, SyncTracing tracing) {
        this.tracing = tracing;
        this.handler = handler;
        this.maxBatch = maxBatch;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Queues work for an aggregate; the future completes with what the handler answered for it. Work submitted
     * from the aggregate's own lane (a listener of a change reacting with another change of the same aggregate)
     * runs at once on the calling thread: queued, it would wait for the very batch that is waiting for it.
     */
    public CompletableFuture<Object> submit(String aggregateId, T work) {
        Task<T> task = new Task<>(work, tracing.current());
        if (aggregateId.equals(CURRENT.get())) {
            runInline(aggregateId, task);
            return task.done;
        }
        while (true) {
            Lane<T> lane = lanes.computeIfAbsent(aggregateId, id -> new Lane<>());
            boolean schedule;
            synchronized (lane) {
                if (lane.retired) {
                    continue; // emptied and removed meanwhile: a fresh lane takes the work
                }
                lane.queue.add(task);
                schedule = !lane.scheduled;
                lane.scheduled = true;
            }
            if (schedule) {
                pool.execute(() -> drain(aggregateId, lane));
            }
            return task.done;
        }
    }

    /**
     * As {@link #submit}, for a caller that would only wait for the result: when the lane is idle, its batch runs
     * at once on the calling thread (the caller's work first in it) instead of on a pool thread the caller waits
     * for, which saves two thread hand-overs per change; what queues meanwhile goes on on the pool.
     */
    public CompletableFuture<Object> submitAndWork(String aggregateId, T work) {
        Task<T> task = new Task<>(work, tracing.current());
        if (aggregateId.equals(CURRENT.get())) {
            runInline(aggregateId, task);
            return task.done;
        }
        while (true) {
            Lane<T> lane = lanes.computeIfAbsent(aggregateId, id -> new Lane<>());
            boolean here;
            synchronized (lane) {
                if (lane.retired) {
                    continue;
                }
                lane.queue.add(task);
                here = !lane.scheduled;
                lane.scheduled = true;
            }
            if (here) {
                drainOnce(aggregateId, lane);
            }
            return task.done;
        }
    }

    /** One batch of a lane on the calling thread; the rest of the lane, if any, goes to the pool. */
    private void drainOnce(String aggregateId, Lane<T> lane) {
        List<Task<T>> batch = new ArrayList<>();
        synchronized (lane) {
            while (!lane.queue.isEmpty() && batch.size() < maxBatch) {
                batch.add(lane.queue.poll());
            }
        }
        try {
            handle(aggregateId, batch);
        } finally {
            boolean more;
            synchronized (lane) {
                more = !lane.queue.isEmpty();
                if (!more) {
                    lane.scheduled = false;
                    lane.retired = true;
                    lanes.remove(aggregateId, lane);
                }
            }
            if (more) {
                pool.execute(() -> drain(aggregateId, lane));
            }
        }
    }

    /** Runs queued batches of one lane; hands the thread back after a few so busy lanes do not starve others. */
    private void drain(String aggregateId, Lane<T> lane) {
        for (int round = 0; round < 4; round++) {
            List<Task<T>> batch = new ArrayList<>();
            synchronized (lane) {
                while (!lane.queue.isEmpty() && batch.size() < maxBatch) {
                    batch.add(lane.queue.poll());
                }
                if (batch.isEmpty()) {
                    lane.scheduled = false;
                    lane.retired = true;
                    lanes.remove(aggregateId, lane);
                    return;
                }
            }
            handle(aggregateId, batch);
        }
        pool.execute(() -> drain(aggregateId, lane));
    }

    private void runInline(String aggregateId, Task<T> task) {
        handle(aggregateId, List.of(task));
    }

    private void handle(String aggregateId, List<Task<T>> batch) {
        String outer = CURRENT.get();
        CURRENT.set(aggregateId);
        String outerMdc = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, aggregateId);
        try {
            handler.handle(aggregateId, batch);
        } catch (Throwable failure) {
            if (!(failure instanceof RuntimeException)) {
                log.error("work on {} failed", aggregateId, failure);
            }
            batch.stream().filter(task -> !task.isDone()).forEach(task -> task.fail(failure));
        } finally {
            CURRENT.set(outer);
            if (outerMdc == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outerMdc);
            }
        }
        batch.stream().filter(task -> !task.isDone())
                .forEach(task -> task.fail(new IllegalStateException("the handler left a task unanswered")));
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    private static final class Lane<T> {
        final ArrayDeque<Task<T>> queue = new ArrayDeque<>();
        boolean scheduled;
        boolean retired;
    }
}
