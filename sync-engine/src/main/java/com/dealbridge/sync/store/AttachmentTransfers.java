package com.dealbridge.sync.store;

import com.dealbridge.sync.domain.ApplyOutcome;
import com.dealbridge.sync.domain.AttachmentChunk;
import com.dealbridge.sync.domain.AttachmentStatus;
import com.dealbridge.sync.domain.NoteAttachment;
import com.dealbridge.sync.wire.InvalidEventException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving end of attachment transfers: keeps each chunk idempotently, and once all chunks of an announced
 * attachment are in, assembles and verifies the file and settles the attachment AVAILABLE (or FAILED). Chunks are
 * not sequenced, so a duplicate or a chunk of a deleted attachment simply changes nothing.
 */
class AttachmentTransfers {

    private static final Logger log = LoggerFactory.getLogger(AttachmentTransfers.class);

    private final DocumentWriter writer;

    AttachmentTransfers(DocumentWriter writer) {
        this.writer = writer;
    }

    ApplyOutcome receive(AttachmentChunk chunk) {
        String dealId = chunk.header().sharedDealId();
        SharedDealDocument document = writer.load(dealId);
        if (document == null) {
            throw new UnknownSharedDealException(dealId, chunk.type(), chunk.header().sequence());
        }
        Optional<NoteAttachment> attachment = document.deal().attachment(chunk.attachmentId());
        if (attachment.isPresent() && (attachment.get().deleted()
                || attachment.get().status() != AttachmentStatus.TRANSFERRING)) {
            return ApplyOutcome.DUPLICATE;
        }
        attachment.ifPresent(announced -> checkAgainst(announced, chunk));
        // an attachment not announced yet (its AttachmentAdded is parked behind a gap) keeps its chunks for later
        writer.files().stage(chunk.attachmentId(), chunk.index(), chunk.data());
        if (deletedMeanwhile(dealId, chunk.attachmentId())) {
            // deleted here between the load above and the staging: its purge may have run before this chunk landed
            writer.files().delete(chunk.attachmentId());
            return ApplyOutcome.DUPLICATE;
        }
        if (attachment.isPresent()) {
            settleIfComplete(dealId, chunk.attachmentId());
        }
        return ApplyOutcome.APPLIED;
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

    private boolean deletedMeanwhile(String dealId, String attachmentId) {
        SharedDealDocument latest = writer.load(dealId);
        return latest != null && latest.deal().attachment(attachmentId).map(NoteAttachment::deleted).orElse(false);
    }

    /** Assembles and verifies the file when every chunk is in; the chunks go only after the outcome is saved. */
    void settleIfComplete(String dealId, String attachmentId) {
        SharedDealDocument document = writer.load(dealId);
        Optional<NoteAttachment> attachment = document == null ? Optional.empty()
                : document.deal().attachment(attachmentId);
        if (attachment.isEmpty() || attachment.get().deleted()
                || attachment.get().status() != AttachmentStatus.TRANSFERRING
                || writer.files().stagedCount(attachmentId, attachment.get().chunkCount())
                < attachment.get().chunkCount()) {
            return;
        }
        AttachmentStatus outcome = writer.files().assemble(attachment.get());
        boolean settled = writer.retrying(dealId, () -> {
            SharedDealDocument latest = writer.load(dealId);
            if (latest.deal().attachment(attachmentId).map(NoteAttachment::deleted).orElse(true)) {
                return false;
            }
            latest.deal().settleAttachment(attachmentId, outcome);
            writer.save(latest);
            return true;
        });
        if (!settled) {
            // deleted while it was being assembled: what was just written must go too
            writer.files().delete(attachmentId);
            return;
        }
        writer.files().dropStaged(attachmentId);
        log.info("attachment {} of deal {} received: {}", attachmentId, dealId, outcome);
    }
}
