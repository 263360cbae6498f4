package com.dealbridge.shareddeal.domain;

/**
 * One slice of an attachment's bytes. Not part of the origin's sequence (its header repeats the
 * {@link AttachmentAdded}'s sequence): the replica never applies it; the receiving store keeps chunks idempotently
 * by (attachmentId, index) and assembles the file when all are in.
 */
public record AttachmentChunk(EventHeader header, String noteId, String attachmentId, int index, int chunkCount,
                              long offset, byte[] data) implements SharedDealEvent {

    @Override
    public AttachmentChunk withHeader(EventHeader header) {
        return new AttachmentChunk(header, noteId, attachmentId, index, chunkCount, offset, data);
    }
}
