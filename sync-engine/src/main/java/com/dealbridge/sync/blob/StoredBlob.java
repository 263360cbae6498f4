package com.dealbridge.sync.blob;

/**
 * A file this side holds, as the other side needs it to receive and verify a copy.
 *
 * @param chunkSize  bytes per chunk on the wire (the last one may be shorter)
 * @param chunkCount how many chunks carry the file ({@code ceil(size / chunkSize)})
 */
public record StoredBlob(String id, long size, String sha256, int chunkSize, int chunkCount) {

    public static int chunkCount(long size, int chunkSize) {
        return Math.toIntExact((size + chunkSize - 1) / chunkSize);
    }
}
