package com.dealbridge.sync.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Writes of concurrent units of work (changes of different aggregates, each on its own lane) joined into one store
 * command: a caller that finds no write in flight writes at once; the units that queue meanwhile are written
 * together next, by the thread of the oldest of them, and their other threads wait for it. No caller waits for a
 * timer: alone, a unit is written at once, as before; under load, N units cost one command and one wait for the
 * disk instead of N (the store's
 * journal keeps writes in order, so one durable write makes the whole batch durable). Each unit gets its own
 * outcome: the batch's writer completes every unit with its result or its own failure.
 *
 * @param <T> a unit's write
 */
public final class GroupCommit<T> {

    /** One unit's write and its outcome. */
    public static final class Unit<T> {

        private final T write;
        private final Thread thread;
        private Object result;
        private RuntimeException failure;
        private boolean done;
        /** Set (after the outcome) once the batch is over: what the waiting thread reads the outcome after. */
        private volatile boolean finished;
        /** Set when this unit's thread is to write the next batch. */
        private volatile boolean leads;

        public Unit(T write) {
            this(write, null);
        }

        Unit(T write, Thread thread) {
            this.write = write;
            this.thread = thread;
        }

        boolean finished() {
            return finished;
        }

        void finish() {
            finished = true;
            if (thread != null && thread != Thread.currentThread()) {
                LockSupport.unpark(thread);
            }
        }

        public T write() {
            return write;
        }

        public boolean isDone() {
            return done;
        }

        /** The failure the unit was completed with, if any (what its submitter throws). */
        public RuntimeException failure() {
            return failure;
        }

        public void complete(Object value) {
            if (!done) {
                result = value;
                done = true;
            }
        }

        public void fail(RuntimeException e) {
            if (!done) {
                failure = e;
                done = true;
            }
        }
    }

    private final Consumer<List<Unit<T>>> writer;
    private final int maxBatch;
    private final Object lock = new Object();
    private final ArrayDeque<Unit<T>> queue = new ArrayDeque<>();
    /** A writer is at work: units queue for the next batch, which its writer hands to the oldest of them. */
    private boolean writing;

    /**
     * @param writer   writes a batch and completes (or fails) each of its units; a unit it leaves open fails
     * @param maxBatch the most units one command carries
     */
    public GroupCommit(Consumer<List<Unit<T>>> writer, int maxBatch) {
        this.writer = writer;
        this.maxBatch = maxBatch;
    }

    /** Units waiting for the write in flight to end (tests). */
    int queued() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /**
     * Writes the unit, alone or with others; answers its result or throws its failure. Each waiting thread is
     * woken once: when its unit is done, or when it is to write the next batch.
     */
    public Object submit(T write) {
        Unit<T> unit = new Unit<>(write, Thread.currentThread());
        boolean lead;
        synchronized (lock) {
            queue.add(unit);
            lead = !writing;
            writing = true;
        }
        boolean interrupted = false;
        while (!lead && !unit.finished()) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted(); // the write is under way: its outcome is still ours
            lead = unit.leads;
        }
        if (lead) {
            writeBatch();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (unit.failure != null) {
            throw unit.failure;
        }
        return unit.result;
    }

    /** Writes the oldest queued units (the caller's among them), then hands the writing on to the next. */
    private void writeBatch() {
        List<Unit<T>> batch = new ArrayList<>();
        synchronized (lock) {
            while (!queue.isEmpty() && batch.size() < maxBatch) {
                batch.add(queue.poll());
            }
        }
        try {
            writer.accept(batch);
        } catch (RuntimeException e) {
            batch.forEach(u -> u.fail(e));
        } finally {
            // also after an Error: the batch's waiters and the next writer must not wait forever
            Unit<T> next;
            synchronized (lock) {
                next = queue.peek();
                writing = next != null;
            }
            // made only when needed: filling in its stack trace for every batch was 3 % of a note request's CPU
            IllegalStateException open = null;
            for (Unit<T> done : batch) {
                if (!done.isDone()) {
                    open = open != null ? open : new IllegalStateException("the group write left a unit unanswered");
                    done.fail(open);
                }
                done.finish();
            }
            if (next != null) {
                next.leads = true;
                LockSupport.unpark(next.thread);
            }
        }
    }
}
