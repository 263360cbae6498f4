package com.dealbridge.sync.store;

import com.dealbridge.sync.domain.Origin;
import com.dealbridge.sync.domain.SyncClock;
import com.dealbridge.sync.domain.SyncPolicy;
import com.dealbridge.sync.wire.EventCodec;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.data.mongodb.core.MongoOperations;

/** Wires the store's parts around one writer: local changes, the inbox and the relay's view of the outbox. */
public final class SyncStore {

    private final DocumentWriter writer;
    private final SharedDeals sharedDeals;
    private final SharedDealInbox inbox;
    private final Outbox outbox;

    public SyncStore(MongoOperations mongo, EventCodec codec, SyncClock clock, Origin side,
                     Supplier<List<AppliedEventListener>> listeners) {
        this(mongo, codec, clock, side, SyncPolicy.defaults(), listeners);
    }

    /** With the configured per-field sync policy ({@code dealbridge.sync.fields.*}). */
    public SyncStore(MongoOperations mongo, EventCodec codec, SyncClock clock, Origin side, SyncPolicy policy,
                     Supplier<List<AppliedEventListener>> listeners) {
        this.writer = new DocumentWriter(mongo, codec, clock, side, policy, listeners);
        this.sharedDeals = new SharedDeals(mongo, writer);
        this.inbox = new SharedDealInbox(writer, listeners);
        this.outbox = new Outbox(mongo, writer);
    }

    /** The relay is built after the store (it reads the outbox); writes wake it from then on. */
    public void connect(RelaySignal relay) {
        writer.connect(relay);
    }

    public SharedDeals sharedDeals() {
        return sharedDeals;
    }

    public SharedDealInbox inbox() {
        return inbox;
    }

    public Outbox outbox() {
        return outbox;
    }
}
