package com.dealbridge.shareddeal.domain;

/** Either side deleted an attachment: a tombstone, also when it overtakes the transfer. */
public record AttachmentDeleted(EventHeader header, String noteId, String attachmentId) implements SharedDealEvent {

    @Override
    public AttachmentDeleted withHeader(EventHeader header) {
        return new AttachmentDeleted(header, noteId, attachmentId);
    }
}
