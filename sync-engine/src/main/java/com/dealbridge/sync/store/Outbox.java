package com.dealbridge.sync.store;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.sync.domain.AttachmentAdded;
import com.dealbridge.sync.domain.AttachmentChunk;
import com.dealbridge.sync.domain.EventHeader;
import com.dealbridge.sync.domain.SharedDealEvent;
import com.dealbridge.sync.domain.SharedDealSnapshot;
import com.mongodb.MongoGridFSException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The relay's view of the outboxes inside the deal documents. */
public class Outbox {

    private static final String ATTACHMENT_ADDED = "AttachmentAdded";
    private static final String SNAPSHOT = "SharedDealSnapshot";

    private final MongoOperations mongo;
    private final DocumentWriter writer;

    Outbox(MongoOperations mongo, DocumentWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    /** The deal's unpublished events in sequence order (empty if none or no such deal). */
    public List<OutboxEntry> pending(String sharedDealId) {
        SharedDealDocument document = writer.load(sharedDealId);
        if (document == null) {
            return List.of();
        }
        return document.outbox().stream().sorted(Comparator.comparingLong(OutboxEntry::sequence)).toList();
    }

    /** Removes the published entries (bumping the version); answers whether more are waiting. */
    public boolean markPublished(String sharedDealId, long upToSequence) {
        return writer.retrying(sharedDealId, () -> {
            SharedDealDocument document = writer.load(sharedDealId);
            if (document == null) {
                return false;
            }
            if (document.removePublished(upToSequence) > 0) {
                document.refreshIndexedFields();
                mongo.save(document);
            }
            return !document.outbox().isEmpty();
        });
    }

    /**
     * Hands the event id and encoded bytes of each {@link AttachmentChunk} that follows an {@code AttachmentAdded} entry to {@code sink}, one
     * at a time, read from the stored file as they go (bounded memory). None when the file is gone: the attachment
     * was deleted meanwhile, and its {@code AttachmentDeleted} follows in the outbox.
     */
    public void forEachChunk(OutboxEntry entry, BiConsumer<String, byte[]> sink) throws IOException {
        if (ATTACHMENT_ADDED.equals(entry.type())) {
            AttachmentAdded added = (AttachmentAdded) writer.codec().toDomain(AvroCodec.decode(entry.payload()));
            sendChunks(added, added.header(), sink);
        } else if (SNAPSHOT.equals(entry.type())) {
            // a repaired replica may lack the bytes of any attachment this side holds: they follow the snapshot
            SharedDealSnapshot snapshot = (SharedDealSnapshot) writer.codec().toDomain(
                    AvroCodec.decode(entry.payload()));
            for (SharedDealEvent fact : snapshot.facts()) {
                if (fact instanceof AttachmentAdded added) {
                    sendChunks(added, snapshot.header(), sink);
                }
            }
        }
    }

    /** Streams one stored file as chunks carrying {@code carrier}'s sequence; nothing when it is not stored. */
    private void sendChunks(AttachmentAdded added, EventHeader carrier, BiConsumer<String, byte[]> sink)
            throws IOException {
        Optional<InputStream> file = writer.files().open(added.attachmentId());
        if (file.isEmpty()) {
            return;
        }
        try (InputStream in = file.get()) {
            for (int index = 0; index < added.chunkCount(); index++) {
                byte[] data = in.readNBytes(added.chunkSize());
                EventHeader h = added.header();
                EventHeader header = new EventHeader(chunkEventId(carrier.eventId() + "/" + added.attachmentId(),
                        index), h.sharedDealId(), h.partnerId(), carrier.origin(), carrier.sequence(), h.hlc(),
                        h.occurredAt(), h.actor());
                sink.accept(header.eventId(), writer.codec().encode(new AttachmentChunk(header, added.noteId(),
                        added.attachmentId(), index, added.chunkCount(), (long) index * added.chunkSize(), data)));
            }
        } catch (MongoGridFSException deletedWhileReading) {
            throw new IOException("attachment " + added.attachmentId() + " vanished while it was being sent",
                    deletedWhileReading);
        }
    }

    /** Stable per chunk, so a chunk published twice is recognisably the same event. */
    static String chunkEventId(String addedEventId, int index) {
        return UUID.nameUUIDFromBytes((addedEventId + "/chunk/" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Deals with unpublished events, for the sweep after a crash or an outage. */
    public List<String> pendingDealIds(int limit) {
        Query query = Query.query(Criteria.where("outboxPending").is(true)).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, SharedDealDocument.class).stream().map(SharedDealDocument::id).toList();
    }
}
