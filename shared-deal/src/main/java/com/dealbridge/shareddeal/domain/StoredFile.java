package com.dealbridge.shareddeal.domain;

/**
 * A file this side has stored and is about to attach: what the other side needs to receive and verify it.
 *
 * @param chunkSize  bytes per chunk on the wire (the last one may be shorter)
 * @param chunkCount how many chunks carry the file ({@code ceil(size / chunkSize)})
 */
public record StoredFile(String attachmentId, String fileName, String contentType, long size, String sha256,
                         int chunkSize, int chunkCount) {

    public StoredFile {
        if (size < 0 || chunkSize <= 0 || chunkCount != chunkCount(size, chunkSize)) {
            throw new IllegalArgumentException("inconsistent size " + size + ", chunk size " + chunkSize
                    + " and chunk count " + chunkCount);
        }
    }

    public static int chunkCount(long size, int chunkSize) {
        return Math.toIntExact((size + chunkSize - 1) / chunkSize);
    }
}
