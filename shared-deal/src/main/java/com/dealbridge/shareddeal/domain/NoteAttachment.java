package com.dealbridge.shareddeal.domain;

import java.time.Instant;

/**
 * A file attached to a shared note: what both sides agree on (name, type, size, hash) and this side's own
 * progress ({@link AttachmentStatus}, whether the stored file of a deleted attachment has been removed).
 */
public final class NoteAttachment {

    private String id;
    private String fileName;
    private String contentType;
    private long size;
    private String sha256;
    private int chunkSize;
    private int chunkCount;
    private Author author;
    private Instant createdAt;
    private Stamp createdStamp;
    private AttachmentStatus status;
    private boolean deleted;
    private boolean purged;

    /** What an attachment record holds, for the store to write and read back. */
    public record State(String id, String fileName, String contentType, long size, String sha256, int chunkSize,
                        int chunkCount, Author author, Instant createdAt, Stamp createdStamp,
                        AttachmentStatus status, boolean deleted, boolean purged) {
    }

    private NoteAttachment() {
    }

    public static NoteAttachment restore(State state) {
        NoteAttachment attachment = new NoteAttachment();
        attachment.id = state.id();
        attachment.fileName = state.fileName();
        attachment.contentType = state.contentType();
        attachment.size = state.size();
        attachment.sha256 = state.sha256();
        attachment.chunkSize = state.chunkSize();
        attachment.chunkCount = state.chunkCount();
        attachment.author = state.author();
        attachment.createdAt = state.createdAt();
        attachment.createdStamp = state.createdStamp();
        attachment.status = state.status();
        attachment.deleted = state.deleted();
        attachment.purged = state.purged();
        return attachment;
    }

    public State state() {
        return new State(id, fileName, contentType, size, sha256, chunkSize, chunkCount, author, createdAt,
                createdStamp, status, deleted, purged);
    }

    static NoteAttachment added(AttachmentAdded event, Origin side) {
        NoteAttachment attachment = new NoteAttachment();
        attachment.id = event.attachmentId();
        attachment.fileName = event.fileName();
        attachment.contentType = event.contentType();
        attachment.size = event.size();
        attachment.sha256 = event.sha256();
        attachment.chunkSize = event.chunkSize();
        attachment.chunkCount = event.chunkCount();
        attachment.author = Author.of(event.header());
        attachment.createdAt = event.header().occurredAt();
        attachment.createdStamp = event.header().stamp();
        // the origin stored the file before announcing it; the other side waits for the chunks
        attachment.status = event.header().origin() == side ? AttachmentStatus.AVAILABLE
                : AttachmentStatus.TRANSFERRING;
        return attachment;
    }

    static NoteAttachment tombstone(String id) {
        NoteAttachment attachment = new NoteAttachment();
        attachment.id = id;
        attachment.status = AttachmentStatus.TRANSFERRING;
        attachment.deleted = true;
        return attachment;
    }

    void delete() {
        deleted = true;
    }

    /** This side received and checked all the bytes: AVAILABLE, or FAILED on a mismatch. Local, not shared. */
    public void settle(AttachmentStatus outcome) {
        if (status == AttachmentStatus.TRANSFERRING) {
            status = outcome;
        }
    }

    /** The stored file (and any staged chunks) of this deleted attachment are gone. */
    public void markPurged() {
        purged = true;
    }

    public String id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public int chunkSize() {
        return chunkSize;
    }

    public int chunkCount() {
        return chunkCount;
    }

    public Author author() {
        return author;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When it was attached, by (hlc, origin): the order both sides list attachments in. Null for a tombstone. */
    public Stamp createdStamp() {
        return createdStamp;
    }

    public AttachmentStatus status() {
        return status;
    }

    public boolean deleted() {
        return deleted;
    }

    /** True once the stored file (and any received chunks) of this deleted attachment have been removed. */
    public boolean purged() {
        return purged;
    }
}
