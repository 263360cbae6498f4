package com.dealbridge.sync.store;

import com.dealbridge.sync.domain.Origin;
import com.dealbridge.sync.domain.SharedDealEvent;
import com.dealbridge.sync.domain.SyncClock;
import com.dealbridge.sync.domain.SyncPolicy;
import com.dealbridge.sync.wire.EventCodec;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;

/** Saves a deal document with its new outbox entries in one write, retrying lost optimistic-lock races. */
class DocumentWriter {

    private static final Logger log = LoggerFactory.getLogger(DocumentWriter.class);
    private static final int MAX_ATTEMPTS = 20;

    private final MongoOperations mongo;
    private final EventCodec codec;
    private final SyncClock clock;
    private final Origin side;
    private final SyncPolicy policy;
    private final Supplier<List<AppliedEventListener>> listeners;
    private final AttachmentFiles files;
    private volatile RelaySignal relay = sharedDealId -> { };

    DocumentWriter(MongoOperations mongo, EventCodec codec, SyncClock clock, Origin side, SyncPolicy policy,
                   Supplier<List<AppliedEventListener>> listeners) {
        this.policy = policy;
        this.listeners = listeners;
        this.mongo = mongo;
        this.codec = codec;
        this.clock = clock;
        this.side = side;
        this.files = new AttachmentFiles(mongo);
    }

    AttachmentFiles files() {
        return files;
    }

    void connect(RelaySignal relay) {
        this.relay = relay;
    }

    SyncClock clock() {
        return clock;
    }

    Origin side() {
        return side;
    }

    SyncPolicy policy() {
        return policy;
    }

    EventCodec codec() {
        return codec;
    }

    /** Runs {@code attempt} until its save wins; each attempt must reload what it changes. */
    <T> T retrying(String sharedDealId, Supplier<T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (OptimisticLockingFailureException | DuplicateKeyException race) {
                if (i >= MAX_ATTEMPTS) {
                    throw race;
                }
                log.debug("write race on deal {} (attempt {}), retrying", sharedDealId, i);
            }
        }
    }

    /** Moves the events local commands recorded into the outbox and saves; wakes the relay if any. */
    SharedDealDocument save(SharedDealDocument document) {
        List<SharedDealEvent> events = document.deal().drainRecordedEvents();
        for (SharedDealEvent event : events) {
            document.appendToOutbox(new OutboxEntry(event.header().sequence(), event.header().eventId(),
                    event.type(), codec.encode(event), clock.now()));
        }
        List<String> purged = markPurged(document);
        document.refreshIndexedFields();
        SharedDealDocument saved = document.version() == null ? mongo.insert(document) : mongo.save(document);
        if (!events.isEmpty()) {
            relay.wake(saved.id());
        }
        purge(saved.id(), purged);
        for (AppliedEventListener listener : listeners.get()) {
            try {
                listener.saved(saved);
            } catch (RuntimeException e) {
                log.warn("{} failed after deal {} was saved: {}", listener.getClass().getSimpleName(), saved.id(),
                        e.toString());
            }
        }
        return saved;
    }

    /**
     * Deleted attachments lose their stored files once the deletion is saved (a failed save keeps them). A crash in
     * between leaves an orphaned file, never a missing one.
     */
    private static List<String> markPurged(SharedDealDocument document) {
        List<String> ids = document.deal().attachmentsToPurge().stream()
                .map(com.dealbridge.sync.domain.NoteAttachment::id).toList();
        ids.forEach(document.deal()::markPurged);
        return ids;
    }

    private void purge(String sharedDealId, List<String> attachmentIds) {
        for (String attachmentId : attachmentIds) {
            try {
                files.delete(attachmentId);
            } catch (RuntimeException e) {
                log.warn("could not remove the file of deleted attachment {} of deal {}: {}", attachmentId,
                        sharedDealId, e.toString());
            }
        }
    }

    SharedDealDocument load(String sharedDealId) {
        return mongo.findById(sharedDealId, SharedDealDocument.class);
    }
}
