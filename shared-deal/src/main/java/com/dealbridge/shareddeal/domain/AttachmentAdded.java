package com.dealbridge.shareddeal.domain;

/**
 * A file was attached to a shared note. Its bytes follow as {@link AttachmentChunk}s; the receiving side shows it
 * TRANSFERRING until all chunks are in and the SHA-256 matches.
 */
public record AttachmentAdded(EventHeader header, String noteId, String attachmentId, String fileName,
                              String contentType, long size, String sha256, int chunkSize, int chunkCount)
        implements SharedDealEvent {

    @Override
    public AttachmentAdded withHeader(EventHeader header) {
        return new AttachmentAdded(header, noteId, attachmentId, fileName, contentType, size, sha256, chunkSize, chunkCount);
    }
}
