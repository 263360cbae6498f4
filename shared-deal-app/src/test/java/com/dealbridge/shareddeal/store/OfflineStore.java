package com.dealbridge.shareddeal.store;

import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealSnapshot;
import com.dealbridge.shareddeal.domain.SyncPolicy;
import com.dealbridge.shareddeal.wire.EventCodec;
import com.dealbridge.sync.blob.BlobStore;
import com.dealbridge.sync.clock.HybridLogicalClock;
import com.dealbridge.sync.clock.SyncClock;
import com.dealbridge.sync.inbox.ConcurrentChangeException;
import com.dealbridge.sync.inbox.Received;
import com.dealbridge.sync.lane.AggregateLanes;
import com.dealbridge.sync.lane.LaneWork;
import com.dealbridge.sync.log.ChangeLog;
import com.dealbridge.sync.log.LogEntry;
import com.dealbridge.sync.relay.PublishedMarks;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * A side's store code run against its database while the service is stopped, for end-to-end tests: changes go
 * into the change log and the projections exactly as the service writes them, but nothing is sent, as if the
 * process had died right after its write; the service publishes them when it starts again.
 */
public final class OfflineStore implements AutoCloseable {

    private final MongoOperations mongo;
    private final AggregateLanes<LaneWork> lanes;
    private final SharedDeals sharedDeals;
    private final ChangeLog changeLog;
    private final SharedDealReplica replica;
    private final EventCodec codec = new EventCodec();

    public OfflineStore(MongoOperations mongo, Origin side) {
        this(mongo, side, new AtomicInteger());
    }

    /**
     * @param racesToLose while above zero, each save of a deal document counts it down and fails as if another
     *                    instance had saved the deal first
     */
    public OfflineStore(MongoOperations mongo, Origin side, AtomicInteger racesToLose) {
        this.mongo = mongo;
        SyncClock clock = HybridLogicalClock.system();
        ProjectionStore store = new ProjectionStore(mongo);
        AttachmentFiles files = new AttachmentFiles(new BlobStore(mongo));
        SharedDealSaver saver = new SharedDealSaver(store, files, List::of) {
            @Override
            void save(SharedDealDocument document) {
                if (racesToLose.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                    throw new ConcurrentChangeException("the deal document was saved meanwhile (simulated)");
                }
                super.save(document);
            }
        };
        changeLog = new ChangeLog(mongo);
        SharedDealWriter writer = new SharedDealWriter(store, saver, changeLog, codec, clock, side);
        lanes = new AggregateLanes<>("offline-lane", 1, 64, new DealLanes(writer, () -> {
            throw new IllegalStateException("an offline store receives nothing");
        }));
        sharedDeals = new SharedDeals(lanes, store, new PublishedMarks(mongo), new SharedTabs(changeLog, store, codec),
                files, clock, SyncPolicy.defaults(), side);
        replica = new SharedDealReplica(store, saver, files, clock, SyncPolicy.defaults(), side);
    }

    /** Applies the other side's event as the inbox does (log, projections), with no listener told. */
    public void receive(SharedDealEvent event) {
        LogEntry entry = new LogEntry(event.header().sharedDealId(), event.header().origin().name(),
                event.header().sequence(), event.header().eventId(), event.type(), event.header().hlc().wallMillis(),
                event.header().hlc().counter(), event.header().occurredAt(), codec.encode(event));
        changeLog.insertReceived(List.of(entry), java.util.Set.of());
        SharedDealDocument document = replica.load(entry.aggregateId());
        replica.apply(document, new Received.Sequenced(entry, event, event instanceof SharedDealSnapshot));
        replica.save(document);
    }

    public SharedDeals sharedDeals() {
        return sharedDeals;
    }

    /** The deal's events not yet sent (their place in the sequence stays used). */
    public List<LogEntry> unpublished(String sharedDealId) {
        return changeLog.unpublished(10_000, null).stream().filter(e -> e.aggregateId().equals(sharedDealId))
                .toList();
    }

    /** Loses the deal's unsent events as a crash of a broken store would: marked sent, never sent. */
    public void loseUnpublished(String sharedDealId) {
        changeLog.markPublished(unpublished(sharedDealId).stream().map(LogEntry::id).toList());
    }

    /** The store loses everything of the deal (restored from a backup older than the deal). */
    public void loseDeal(String sharedDealId) {
        new ProjectionStore(mongo).forget(sharedDealId);
        changeLog.forget(sharedDealId);
        mongo.getCollection("relay_marks").deleteOne(new org.bson.Document("_id", sharedDealId));
    }

    @Override
    public void close() throws InterruptedException {
        lanes.close();
    }
}
