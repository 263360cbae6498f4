package com.dealbridge.shareddeal.store;

import com.dealbridge.sync.inbox.Inbox;
import com.dealbridge.sync.inbox.InboxWork;
import com.dealbridge.sync.lane.AggregateLanes;
import com.dealbridge.sync.lane.LaneWork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What runs in a deal's lane: the local changes queued together go to the writer as one batch; a poll's events
 * go to the inbox. Both kinds of work on one deal take turns, never overlap.
 */
public class DealLanes implements AggregateLanes.Handler<LaneWork> {

    private final SharedDealWriter writer;
    private final Supplier<Inbox<?>> inbox;
    /** The inbox once looked up: it is built after the lanes, and a bean lookup per batch is not free. */
    private volatile Inbox<?> resolved;

    public DealLanes(SharedDealWriter writer, Supplier<Inbox<?>> inbox) {
        this.writer = writer;
        this.inbox = inbox;
    }

    @Override
    public void handle(String dealId, List<AggregateLanes.Task<LaneWork>> batch) {
        List<AggregateLanes.Task<Object>> changes = new ArrayList<>();
        for (AggregateLanes.Task<LaneWork> task : batch) {
            if (task.work() instanceof InboxWork work) {
                flush(dealId, changes);
                try {
                    inbox().receive(dealId, work);
                    task.complete(null);
                } catch (RuntimeException e) {
                    task.fail(e);
                }
            } else {
                @SuppressWarnings("unchecked")
                AggregateLanes.Task<Object> change = (AggregateLanes.Task<Object>) (AggregateLanes.Task<?>) task;
                changes.add(change);
            }
        }
        flush(dealId, changes);
    }

    private Inbox<?> inbox() {
        Inbox<?> found = resolved;
        if (found == null) {
            found = inbox.get();
            resolved = found;
        }
        return found;
    }

    private void flush(String dealId, List<AggregateLanes.Task<Object>> changes) {
        if (!changes.isEmpty()) {
            writer.write(dealId, List.copyOf(changes));
            changes.clear();
        }
    }
}
