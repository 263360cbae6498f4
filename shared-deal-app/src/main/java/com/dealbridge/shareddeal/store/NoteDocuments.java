package com.dealbridge.shareddeal.store;

import static com.dealbridge.shareddeal.store.Bson.number;
import static com.dealbridge.shareddeal.store.Bson.stamp;
import static com.dealbridge.shareddeal.store.Bson.time;

import com.dealbridge.shareddeal.domain.AttachmentStatus;
import com.dealbridge.shareddeal.domain.Author;
import com.dealbridge.shareddeal.domain.NoteAttachment;
import com.dealbridge.shareddeal.domain.NoteComment;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SharedNote;
import com.dealbridge.shareddeal.domain.Stamp;
import java.util.List;
import org.bson.Document;

/**
 * Notes ({@code shared_notes}), comments ({@code note_comments}) and attachment records
 * ({@code note_attachments}): one document each, with its stamps and tombstone, so a change to a note rewrites
 * that note only. A note lists its comments' and attachments' ids, so loading it is three reads by id.
 */
final class NoteDocuments {

    static final String NOTES = "shared_notes";
    static final String COMMENTS = "note_comments";
    static final String ATTACHMENTS = "note_attachments";

    private NoteDocuments() {
    }

    static Document note(String sharedDealId, SharedNote.State note, long version, List<String> commentIds,
                         List<String> attachmentIds) {
        Stamp created = note.createdStamp();
        return new Document("_id", note.id()).append("v", version).append("sharedDealId", sharedDealId)
                .append("deleted", note.deleted())
                // the listing order of both sides: (hlc, origin) of creation; tombstones last
                .append("createdWall", created == null ? Long.MAX_VALUE : created.hlc().wallMillis())
                .append("createdCounter", created == null ? 0 : created.hlc().counter())
                .append("createdOrigin", created == null ? null : created.origin().name())
                .append("body", note.body()).append("author", author(note.author()))
                .append("createdAt", time(note.createdAt())).append("createdStamp", stamp(created))
                .append("editedAt", time(note.editedAt())).append("bodyStamp", stamp(note.bodyStamp()))
                .append("commentIds", commentIds).append("attachmentIds", attachmentIds);
    }

    static SharedNote.State note(Document d) {
        return new SharedNote.State(d.getString("_id"), d.getString("body"), author(d.get("author", Document.class)),
                time(d.getDate("createdAt")), stamp(d.get("createdStamp", Document.class)),
                time(d.getDate("editedAt")), stamp(d.get("bodyStamp", Document.class)), d.getBoolean("deleted", false));
    }

    static Document comment(String sharedDealId, String noteId, NoteComment.State comment, long version) {
        return new Document("_id", comment.id()).append("v", version).append("sharedDealId", sharedDealId)
                .append("noteId", noteId).append("body", comment.body()).append("author", author(comment.author()))
                .append("createdAt", time(comment.createdAt())).append("createdStamp", stamp(comment.createdStamp()))
                .append("deleted", comment.deleted());
    }

    static NoteComment.State comment(Document d) {
        return new NoteComment.State(d.getString("_id"), d.getString("body"), author(d.get("author", Document.class)),
                time(d.getDate("createdAt")), stamp(d.get("createdStamp", Document.class)),
                d.getBoolean("deleted", false));
    }

    static Document attachment(String sharedDealId, String noteId, NoteAttachment.State a, long version) {
        return new Document("_id", a.id()).append("v", version).append("sharedDealId", sharedDealId)
                .append("noteId", noteId).append("fileName", a.fileName()).append("contentType", a.contentType())
                .append("size", a.size()).append("sha256", a.sha256()).append("chunkSize", a.chunkSize())
                .append("chunkCount", a.chunkCount()).append("author", author(a.author()))
                .append("createdAt", time(a.createdAt())).append("createdStamp", stamp(a.createdStamp()))
                .append("status", a.status().name()).append("deleted", a.deleted()).append("purged", a.purged());
    }

    static NoteAttachment.State attachment(Document d) {
        return new NoteAttachment.State(d.getString("_id"), d.getString("fileName"), d.getString("contentType"),
                number(d, "size"), d.getString("sha256"), (int) number(d, "chunkSize"), (int) number(d, "chunkCount"),
                author(d.get("author", Document.class)), time(d.getDate("createdAt")),
                stamp(d.get("createdStamp", Document.class)), AttachmentStatus.valueOf(d.getString("status")),
                d.getBoolean("deleted", false), d.getBoolean("purged", false));
    }

    private static Document author(Author author) {
        return author == null ? null : new Document("side", author.side().name()).append("id", author.id())
                .append("name", author.name());
    }

    private static Author author(Document document) {
        return document == null ? null : new Author(Origin.valueOf(document.getString("side")),
                document.getString("id"), document.getString("name"));
    }
}
