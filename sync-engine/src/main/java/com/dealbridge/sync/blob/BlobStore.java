package com.dealbridge.sync.blob;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Files sent over Kafka in chunks: whole files in GridFS (bucket {@code attachments}, file id = blob id) and, on
 * the receiving side, the chunks that arrived so far (collection {@code attachment_chunks}), written idempotently
 * by (id, index), assembled and verified (size, SHA-256) once all are in. Everything streams: no file is ever held
 * in memory whole.
 */
public class BlobStore {

    /** Bytes per chunk, in GridFS and on the wire (DESIGN.md §6: at most 256 KiB). */
    public static final int CHUNK_SIZE = 256 * 1024;
    static final String BUCKET = "attachments";
    static final String STAGED = "attachment_chunks";
    /** How long received chunks of an attachment that never completes are kept. */
    static final Duration STAGED_CHUNK_LIFETIME = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(BlobStore.class);

    private final MongoOperations mongo;
    private volatile GridFSBucket bucket;

    public BlobStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * Streams an upload into GridFS, hashing and counting on the way.
     *
     * @throws BlobTooLargeException more than {@code maxBytes} arrived; nothing is kept
     */
    public StoredBlob store(String attachmentId, String fileName, String contentType, InputStream content,
                            long maxBytes) {
        MessageDigest sha256 = sha256();
        GridFSUploadStream upload = bucket().openUploadStream(new BsonString(attachmentId), fileName,
                new GridFSUploadOptions().chunkSizeBytes(CHUNK_SIZE)
                        .metadata(new Document("contentType", contentType)));
        long size = 0;
        try (InputStream in = new DigestInputStream(content, sha256)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                size += n;
                if (size > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                upload.write(buffer, 0, n);
            }
            upload.close();
        } catch (IOException e) {
            abortQuietly(upload);
            throw new UncheckedIOException("could not read the upload of attachment " + attachmentId, e);
        } catch (RuntimeException e) {
            // too large, or the database went away mid-upload: no partial file stays behind
            abortQuietly(upload);
            throw e;
        }
        return new StoredBlob(attachmentId, size, hex(sha256), CHUNK_SIZE, StoredBlob.chunkCount(size, CHUNK_SIZE));
    }

    private static void abortQuietly(GridFSUploadStream upload) {
        try {
            upload.abort();
        } catch (RuntimeException alreadyClosedOrUnreachable) {
            log.debug("could not abort an upload: {}", alreadyClosedOrUnreachable.toString());
        }
    }

    /** The stored bytes of an attachment, if this side has them. The caller closes the stream. */
    public Optional<InputStream> open(String attachmentId) {
        try {
            return Optional.of(bucket().openDownloadStream(new BsonString(attachmentId)));
        } catch (MongoGridFSException notFound) {
            return Optional.empty();
        }
    }

    /** Removes the stored file and any received chunks; nothing to remove is fine (idempotent). */
    public void delete(String attachmentId) {
        try {
            bucket().delete(new BsonString(attachmentId));
        } catch (MongoGridFSException notFound) {
            log.debug("attachment {} had no stored file", attachmentId);
        }
        staged().deleteMany(Filters.eq("attachmentId", attachmentId));
    }

    /** Keeps one received chunk; receiving it again overwrites it with the same bytes. */
    public void stage(String attachmentId, int index, byte[] data) {
        Document chunk = new Document("_id", attachmentId + ":" + index).append("attachmentId", attachmentId)
                .append("index", index).append("data", new Binary(data)).append("receivedAt", Instant.now());
        staged().replaceOne(Filters.eq("_id", chunk.get("_id")), chunk, new ReplaceOptions().upsert(true));
    }

    public void dropStaged(String attachmentId) {
        staged().deleteMany(Filters.eq("attachmentId", attachmentId));
    }

    /** How many of the chunks 0..chunkCount-1 have arrived. */
    public long stagedCount(String attachmentId, int chunkCount) {
        return staged().countDocuments(Filters.and(Filters.eq("attachmentId", attachmentId),
                Filters.lt("index", chunkCount)));
    }

    /**
     * Writes the received chunks, in order, into the file and checks size and SHA-256: true when they match. A
     * mismatch keeps no file. The chunks stay until {@link #dropStaged} (after the outcome is saved), so a crash in
     * between can assemble again.
     */
    public boolean assemble(String blobId, String fileName, String contentType, long expectedSize,
                            String expectedSha256, int chunkCount) {
        BsonString id = new BsonString(blobId);
        try {
            bucket().delete(id);
        } catch (MongoGridFSException noEarlierAttempt) {
            // the usual case: nothing assembled before
        }
        MessageDigest sha256 = sha256();
        long size = 0;
        try (GridFSUploadStream upload = bucket().openUploadStream(id, fileName,
                new GridFSUploadOptions().chunkSizeBytes(CHUNK_SIZE).metadata(new Document("contentType", contentType)));
             MongoCursor<Document> chunks = staged().find(Filters.and(Filters.eq("attachmentId", blobId),
                             Filters.lt("index", chunkCount)))
                     .sort(Sorts.ascending("index")).batchSize(2).iterator()) {
            while (chunks.hasNext()) {
                byte[] data = chunks.next().get("data", Binary.class).getData();
                sha256.update(data);
                size += data.length;
                upload.write(data);
            }
        }
        String hash = hex(sha256);
        if (size == expectedSize && hash.equals(expectedSha256)) {
            return true;
        }
        log.error("file {} failed verification: {} bytes with SHA-256 {}, announced {} bytes with {}", blobId, size,
                hash, expectedSize, expectedSha256);
        bucket().delete(id);
        return false;
    }

    private GridFSBucket bucket() {
        if (bucket == null) {
            bucket = GridFSBuckets.create(mongo.execute(db -> db), BUCKET);
            staged().createIndex(Indexes.ascending("attachmentId", "index"), new IndexOptions());
            // chunks of an attachment whose announcement never got applied (dead-lettered) do not stay forever
            staged().createIndex(Indexes.ascending("receivedAt"),
                    new IndexOptions().expireAfter(STAGED_CHUNK_LIFETIME.toDays(), TimeUnit.DAYS));
        }
        return bucket;
    }

    private MongoCollection<Document> staged() {
        return mongo.getCollection(STAGED);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
