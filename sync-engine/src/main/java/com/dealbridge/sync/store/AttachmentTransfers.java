package com.dealbridge.sync.store;

import com.dealbridge.sync.domain.ApplyOutcome;
import com.dealbridge.sync.domain.AttachmentChunk;
import com.dealbridge.sync.domain.AttachmentStatus;
import com.dealbridge.sync.domain.NoteAttachment;
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
        // an attachment not announced yet (its AttachmentAdded is parked behind a gap) keeps its chunks for later
        writer.files().stage(chunk.attachmentId(), chunk.index(), chunk.data());
        if (attachment.isPresent()) {
            settleIfComplete(dealId, chunk.attachmentId());
        }
        return ApplyOutcome.APPLIED;
    }

    /** Assembles and verifies the file when every chunk is in; the chunks go only after the outcome is saved. */
    void settleIfComplete(String dealId, String attachmentId) {
        SharedDealDocument document = writer.load(dealId);
        Optional<NoteAttachment> attachment = document == null ? Optional.empty()
                : document.deal().attachment(attachmentId);
        if (attachment.isEmpty() || attachment.get().deleted()
                || attachment.get().status() != AttachmentStatus.TRANSFERRING
                || writer.files().stagedCount(attachmentId) < attachment.get().chunkCount()) {
            return;
        }
        AttachmentStatus outcome = writer.files().assemble(attachment.get());
        writer.retrying(dealId, () -> {
            SharedDealDocument latest = writer.load(dealId);
            latest.deal().settleAttachment(attachmentId, outcome);
            return writer.save(latest);
        });
        writer.files().dropStaged(attachmentId);
        log.info("attachment {} of deal {} received: {}", attachmentId, dealId, outcome);
    }
}
