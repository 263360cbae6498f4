package com.dealbridge.shareddeal.store;

import com.dealbridge.shareddeal.domain.StoredFile;
import com.dealbridge.sync.blob.BlobStore;
import com.dealbridge.sync.blob.StoredBlob;
import java.io.InputStream;
import java.util.Optional;

/** This side's attachment files, kept by the engine's blob store (GridFS bucket {@code attachments}). */
public class AttachmentFiles {

    private final BlobStore blobs;

    public AttachmentFiles(BlobStore blobs) {
        this.blobs = blobs;
    }

    /**
     * Streams an upload into the store, hashing and counting on the way.
     *
     * @throws com.dealbridge.sync.blob.BlobTooLargeException more than {@code maxBytes}; nothing is kept
     */
    public StoredFile store(String attachmentId, String fileName, String contentType, InputStream content,
                            long maxBytes) {
        StoredBlob blob = blobs.store(attachmentId, fileName, contentType, content, maxBytes);
        return new StoredFile(attachmentId, fileName, contentType, blob.size(), blob.sha256(), blob.chunkSize(),
                blob.chunkCount());
    }

    /** The stored bytes of an attachment, if this side has them. The caller closes the stream. */
    public Optional<InputStream> open(String attachmentId) {
        return blobs.open(attachmentId);
    }

    /** Removes the stored file and any received chunks (idempotent). */
    public void delete(String attachmentId) {
        blobs.delete(attachmentId);
    }

    BlobStore blobs() {
        return blobs;
    }
}
