package com.dealbridge.shareddeal.store;

import com.dealbridge.shareddeal.domain.AttachmentAdded;
import com.dealbridge.shareddeal.domain.AttachmentChunk;
import com.dealbridge.shareddeal.domain.AttachmentStatus;
import com.dealbridge.shareddeal.domain.NoteAttachment;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealSnapshot;
import com.dealbridge.sync.blob.BlobStore;
import com.dealbridge.sync.inbox.InvalidEventException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving end of attachment transfers: keeps each chunk idempotently, and once all chunks of an announced
 * attachment are in, assembles and verifies the file and settles the attachment AVAILABLE (or FAILED). Chunks are
 * not sequenced, so a duplicate or a chunk of a deleted attachment simply changes nothing. Runs on the deal's lane,
 * so a deletion of the same deal cannot race with it here.
 */
final class AttachmentReceiver {

    private static final Logger log = LoggerFactory.getLogger(AttachmentReceiver.class);

    private final BlobStore blobs;

    AttachmentReceiver(BlobStore blobs) {
        this.blobs = blobs;
    }

    void receive(SharedDealDocument document, AttachmentChunk chunk) {
        Optional<NoteAttachment> attachment = announced(document, chunk.noteId(), chunk.attachmentId());
        if (attachment.isPresent() && (attachment.get().deleted()
                || attachment.get().status() != AttachmentStatus.TRANSFERRING)) {
            return; // deleted, or already assembled: nothing to keep
        }
        attachment.ifPresent(announced -> checkAgainst(announced, chunk));
        // an attachment not announced yet (its AttachmentAdded is parked behind a gap) keeps its chunks for later
        blobs.stage(chunk.attachmentId(), chunk.index(), chunk.data());
        attachment.ifPresent(announced -> settleIfComplete(document, announced));
    }

    /** After an event is applied: the chunks of an attachment it announces may all be here already. */
    void applied(SharedDealDocument document, SharedDealEvent event) {
        for (AttachmentAdded added : announcements(event)) {
            announced(document, added.noteId(), added.attachmentId())
                    .ifPresent(attachment -> settleIfComplete(document, attachment));
        }
    }

    private static List<AttachmentAdded> announcements(SharedDealEvent event) {
        if (event instanceof AttachmentAdded added) {
            return List.of(added);
        }
        if (event instanceof SharedDealSnapshot snapshot) {
            return snapshot.facts().stream().filter(AttachmentAdded.class::isInstance)
                    .map(AttachmentAdded.class::cast).toList();
        }
        return List.of();
    }

    private static Optional<NoteAttachment> announced(SharedDealDocument document, String noteId,
                                                      String attachmentId) {
        if (document.deal() == null) {
            return Optional.empty();
        }
        try {
            return document.notes().find(noteId).flatMap(note -> note.attachment(attachmentId));
        } catch (ForeignIdException e) {
            throw new InvalidEventException("attachment chunk of " + attachmentId + ": " + e.getMessage());
        }
    }

    /** A chunk must be the slice its announcement promised; anything else is a broken sender (dead letter). */
    private static void checkAgainst(NoteAttachment announced, AttachmentChunk chunk) {
        long expectedLength = chunk.index() < announced.chunkCount() - 1 ? announced.chunkSize()
                : announced.size() - (long) (announced.chunkCount() - 1) * announced.chunkSize();
        if (chunk.chunkCount() != announced.chunkCount() || chunk.index() >= announced.chunkCount()
                || chunk.offset() != (long) chunk.index() * announced.chunkSize()
                || chunk.data().length != expectedLength) {
            throw new InvalidEventException("chunk #" + chunk.index() + " of " + chunk.chunkCount() + " (offset "
                    + chunk.offset() + ", " + chunk.data().length + " bytes) does not fit attachment "
                    + announced.id() + ": " + announced.chunkCount() + " chunks of " + announced.chunkSize()
                    + " bytes, " + announced.size() + " in all");
        }
    }

    /** Assembles and verifies the file when every chunk is in; the chunks go only after the outcome is saved. */
    private void settleIfComplete(SharedDealDocument document, NoteAttachment attachment) {
        if (attachment.deleted() || attachment.status() != AttachmentStatus.TRANSFERRING
                || blobs.stagedCount(attachment.id(), attachment.chunkCount()) < attachment.chunkCount()) {
            return;
        }
        boolean verified = blobs.assemble(attachment.id(), attachment.fileName(), attachment.contentType(),
                attachment.size(), attachment.sha256(), attachment.chunkCount());
        attachment.settle(verified ? AttachmentStatus.AVAILABLE : AttachmentStatus.FAILED);
        document.afterSave(() -> blobs.dropStaged(attachment.id()));
        log.info("attachment {} of deal {} received: {}", attachment.id(), document.id(), attachment.status());
    }
}
