package com.dealbridge.shareddeal.store;

import com.dealbridge.shareddeal.domain.AttachmentAdded;
import com.dealbridge.shareddeal.domain.AttachmentChunk;
import com.dealbridge.shareddeal.domain.EventHeader;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealSnapshot;
import com.dealbridge.shareddeal.wire.EventCodec;
import com.dealbridge.sync.log.LogEntry;
import com.dealbridge.sync.relay.Followers;
import com.mongodb.MongoGridFSException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * An attachment's bytes follow its announcement on the wire: the relay streams them from the stored file as
 * {@link AttachmentChunk}s of the announcement's size (bounded memory). A snapshot is followed by the bytes of every
 * attachment it holds, since a repaired replica may lack any of them. Nothing follows when the file is gone: the
 * attachment was deleted meanwhile, and its deletion follows in the log.
 */
public class AttachmentFollowers implements Followers {

    private static final String ATTACHMENT_ADDED = "AttachmentAdded";
    private static final String SNAPSHOT = "SharedDealSnapshot";

    private final AttachmentFiles files;
    private final EventCodec codec;

    public AttachmentFollowers(AttachmentFiles files, EventCodec codec) {
        this.files = files;
        this.codec = codec;
    }

    @Override
    public void forEach(LogEntry entry, Sink sink) throws IOException {
        if (!ATTACHMENT_ADDED.equals(entry.type()) && !SNAPSHOT.equals(entry.type())) {
            return;
        }
        SharedDealEvent event = codec.decode(entry.payload());
        if (event instanceof AttachmentAdded added) {
            send(added, added.header(), sink);
        } else if (event instanceof SharedDealSnapshot snapshot) {
            for (SharedDealEvent fact : snapshot.facts()) {
                if (fact instanceof AttachmentAdded added) {
                    send(added, snapshot.header(), sink);
                }
            }
        }
    }

    /** Streams one stored file as chunks carrying {@code carrier}'s sequence; nothing when it is not stored. */
    private void send(AttachmentAdded added, EventHeader carrier, Sink sink) throws IOException {
        Optional<InputStream> file = files.open(added.attachmentId());
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
                sink.accept(header.eventId(), "AttachmentChunk", codec.encode(new AttachmentChunk(header,
                        added.noteId(), added.attachmentId(), index, added.chunkCount(),
                        (long) index * added.chunkSize(), data)));
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
}
