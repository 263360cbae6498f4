package com.dealbridge.shareddeal.wire;

import static com.dealbridge.shareddeal.wire.EventCodec.header;
import static com.dealbridge.shareddeal.wire.EventCodec.metadata;
import static com.dealbridge.shareddeal.wire.EventCodec.required;

import com.dealbridge.shareddeal.domain.AttachmentAdded;
import com.dealbridge.shareddeal.domain.AttachmentChunk;
import com.dealbridge.shareddeal.domain.AttachmentDeleted;
import com.dealbridge.shareddeal.domain.NoteCommentAdded;
import com.dealbridge.shareddeal.domain.NoteCommentDeleted;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedNoteAdded;
import com.dealbridge.shareddeal.domain.SharedNoteDeleted;
import com.dealbridge.shareddeal.domain.SharedNoteEdited;
import com.dealbridge.sync.inbox.InvalidEventException;
import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;

/** The wire mapping of the collaboration events: shared notes, comments and attachments. */
final class CollaborationCodec {

    /** The largest chunk a sender may put on the wire (DESIGN.md §6). */
    static final int MAX_CHUNK_BYTES = 256 * 1024;

    private static final Pattern UNSAFE_IN_FILE_NAME = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}/\\\\\"]");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    private CollaborationCodec() {
    }

    /** The Avro record of a collaboration event, or null when the event is not one. */
    static SpecificRecord toAvro(SharedDealEvent event) {
        if (event instanceof SharedNoteAdded e) {
            return com.dealbridge.contracts.avro.SharedNoteAdded.newBuilder().setMetadata(metadata(e.header()))
                    .setNoteId(e.noteId()).setBody(e.body()).build();
        }
        if (event instanceof SharedNoteEdited e) {
            return com.dealbridge.contracts.avro.SharedNoteEdited.newBuilder().setMetadata(metadata(e.header()))
                    .setNoteId(e.noteId()).setBody(e.body()).build();
        }
        if (event instanceof SharedNoteDeleted e) {
            return com.dealbridge.contracts.avro.SharedNoteDeleted.newBuilder().setMetadata(metadata(e.header()))
                    .setNoteId(e.noteId()).build();
        }
        if (event instanceof NoteCommentAdded e) {
            return com.dealbridge.contracts.avro.NoteCommentAdded.newBuilder().setMetadata(metadata(e.header()))
                    .setNoteId(e.noteId()).setCommentId(e.commentId()).setBody(e.body()).build();
        }
        if (event instanceof NoteCommentDeleted e) {
            return com.dealbridge.contracts.avro.NoteCommentDeleted.newBuilder().setMetadata(metadata(e.header()))
                    .setNoteId(e.noteId()).setCommentId(e.commentId()).build();
        }
        if (event instanceof AttachmentAdded e) {
            return com.dealbridge.contracts.avro.AttachmentAdded.newBuilder().setMetadata(metadata(e.header()))
                    .setNoteId(e.noteId()).setAttachmentId(e.attachmentId()).setFileName(e.fileName())
                    .setContentType(e.contentType()).setSize(e.size()).setSha256(e.sha256())
                    .setChunkSize(e.chunkSize()).setChunkCount(e.chunkCount()).build();
        }
        if (event instanceof AttachmentChunk e) {
            return com.dealbridge.contracts.avro.AttachmentChunk.newBuilder().setMetadata(metadata(e.header()))
                    .setNoteId(e.noteId()).setAttachmentId(e.attachmentId()).setIndex(e.index())
                    .setChunkCount(e.chunkCount()).setOffset(e.offset()).setData(ByteBuffer.wrap(e.data())).build();
        }
        if (event instanceof AttachmentDeleted e) {
            return com.dealbridge.contracts.avro.AttachmentDeleted.newBuilder().setMetadata(metadata(e.header()))
                    .setNoteId(e.noteId()).setAttachmentId(e.attachmentId()).build();
        }
        return null;
    }

    /** The domain event of a collaboration record, or null when the record is not one. */
    static SharedDealEvent toDomain(SpecificRecord record) {
        if (record instanceof com.dealbridge.contracts.avro.SharedNoteAdded e) {
            return new SharedNoteAdded(header(e.getMetadata()), id(e.getNoteId(), "noteId"),
                    required(e.getBody(), "body"));
        }
        if (record instanceof com.dealbridge.contracts.avro.SharedNoteEdited e) {
            return new SharedNoteEdited(header(e.getMetadata()), id(e.getNoteId(), "noteId"),
                    required(e.getBody(), "body"));
        }
        if (record instanceof com.dealbridge.contracts.avro.SharedNoteDeleted e) {
            return new SharedNoteDeleted(header(e.getMetadata()), id(e.getNoteId(), "noteId"));
        }
        if (record instanceof com.dealbridge.contracts.avro.NoteCommentAdded e) {
            return new NoteCommentAdded(header(e.getMetadata()), id(e.getNoteId(), "noteId"),
                    id(e.getCommentId(), "commentId"), required(e.getBody(), "body"));
        }
        if (record instanceof com.dealbridge.contracts.avro.NoteCommentDeleted e) {
            return new NoteCommentDeleted(header(e.getMetadata()), id(e.getNoteId(), "noteId"),
                    id(e.getCommentId(), "commentId"));
        }
        if (record instanceof com.dealbridge.contracts.avro.AttachmentAdded e) {
            return attachmentAdded(e);
        }
        if (record instanceof com.dealbridge.contracts.avro.AttachmentChunk e) {
            return attachmentChunk(e);
        }
        if (record instanceof com.dealbridge.contracts.avro.AttachmentDeleted e) {
            return new AttachmentDeleted(header(e.getMetadata()), id(e.getNoteId(), "noteId"),
                    id(e.getAttachmentId(), "attachmentId"));
        }
        return null;
    }

    private static AttachmentAdded attachmentAdded(com.dealbridge.contracts.avro.AttachmentAdded e) {
        if (e.getSize() < 0 || e.getChunkSize() <= 0 || e.getChunkSize() > MAX_CHUNK_BYTES) {
            throw new InvalidEventException("attachment " + e.getAttachmentId() + ": size " + e.getSize()
                    + " or chunk size " + e.getChunkSize() + " out of range (chunks of 1.." + MAX_CHUNK_BYTES + ")");
        }
        if (e.getChunkCount() != (e.getSize() + e.getChunkSize() - 1) / e.getChunkSize()) {
            throw new InvalidEventException("attachment " + e.getAttachmentId() + ": " + e.getChunkCount()
                    + " chunks cannot carry " + e.getSize() + " bytes in chunks of " + e.getChunkSize());
        }
        String sha256 = required(e.getSha256(), "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new InvalidEventException("attachment " + e.getAttachmentId() + ": sha256 must be 64 lower-case"
                    + " hex digits");
        }
        return new AttachmentAdded(header(e.getMetadata()), id(e.getNoteId(), "noteId"),
                id(e.getAttachmentId(), "attachmentId"), fileName(e.getFileName()), contentType(e.getContentType()),
                e.getSize(), sha256, e.getChunkSize(), e.getChunkCount());
    }

    private static AttachmentChunk attachmentChunk(com.dealbridge.contracts.avro.AttachmentChunk e) {
        ByteBuffer buffer = required(e.getData(), "data");
        if (buffer.remaining() > MAX_CHUNK_BYTES) {
            throw new InvalidEventException("attachment chunk of " + buffer.remaining() + " bytes is larger than "
                    + MAX_CHUNK_BYTES);
        }
        if (e.getIndex() < 0 || e.getIndex() >= e.getChunkCount() || e.getOffset() < 0) {
            throw new InvalidEventException("attachment chunk #" + e.getIndex() + " of " + e.getChunkCount()
                    + " at offset " + e.getOffset() + " is out of range");
        }
        byte[] data = new byte[buffer.remaining()];
        buffer.duplicate().get(data);
        return new AttachmentChunk(header(e.getMetadata()), id(e.getNoteId(), "noteId"),
                id(e.getAttachmentId(), "attachmentId"), e.getIndex(), e.getChunkCount(), e.getOffset(), data);
    }

    /** The sender sanitised it; this side does not take that on trust, since it goes into a response header. */
    private static String fileName(String value) {
        String name = required(value, "fileName");
        if (name.isBlank() || name.length() > 255 || UNSAFE_IN_FILE_NAME.matcher(name).find()) {
            throw new InvalidEventException("fileName '" + name.replaceAll("\\p{Cc}", "?") + "' is not a safe file"
                    + " name (no paths, no control characters, at most 255 characters)");
        }
        return name;
    }

    /** Served back as Content-Type: a plain type/subtype, nothing more. */
    private static String contentType(String value) {
        String type = required(value, "contentType");
        if (!MEDIA_TYPE.matcher(type).matches()) {
            throw new InvalidEventException("contentType '" + type + "' is not a media type");
        }
        return type;
    }

    /** Ids end up in stored file names and URLs: only UUID-like tokens are accepted. */
    private static String id(String value, String field) {
        String id = required(value, field);
        if (!id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new InvalidEventException(field + " '" + id + "' is not a valid id");
        }
        return id;
    }
}
