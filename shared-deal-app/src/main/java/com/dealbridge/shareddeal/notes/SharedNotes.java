package com.dealbridge.shareddeal.notes;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.ConflictException;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.shareddeal.api.SharedDealCommands;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.AttachmentStatus;
import com.dealbridge.shareddeal.domain.Limits;
import com.dealbridge.shareddeal.domain.NoteAttachment;
import com.dealbridge.shareddeal.domain.SharedDeal;
import com.dealbridge.shareddeal.domain.SharedNote;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/**
 * Shared notes and comments, the same on both sides: validates (422), checks visibility (404) and authorship (403),
 * then hands the change to the engine so it is saved with its event in one write and reaches the other side.
 */
public class SharedNotes {

    static final int MAX_NOTE_BYTES = Limits.NOTE_BYTES;
    static final int MAX_COMMENT_BYTES = Limits.COMMENT_BYTES;

    private final SharedDeals sharedDeals;
    private final SharedDealQueries queries;
    private final SharedDealCommands commands;

    public SharedNotes(SharedDeals sharedDeals, SharedDealQueries queries, SharedDealCommands commands) {
        this.sharedDeals = sharedDeals;
        this.queries = queries;
        this.commands = commands;
    }

    /** A page of the deal's live notes, oldest first by (hlc, origin): the same order on both sides. */
    public ListResponse<NoteView> list(Caller caller, String sharedDealId, Paging paging) {
        SharedDealDocument visible = queries.visible(caller, sharedDealId);
        List<NoteView> items = sharedDeals.store().notes(visible.id(), paging.offset(), paging.size()).stream()
                .map(NoteView::of).toList();
        return ListResponse.of(items, visible.deal().facts().liveNotes(), paging);
    }

    public NoteView get(Caller caller, String sharedDealId, String noteId) {
        return NoteView.of(liveNote(queries.visible(caller, sharedDealId).deal(), noteId));
    }

    public NoteView add(Caller caller, String sharedDealId, String body) {
        Actor actor = commands.actor(caller);
        String text = validText("body", body, MAX_NOTE_BYTES);
        String noteId = UUID.randomUUID().toString();
        SharedDealDocument saved = queries.changeVisible(caller, sharedDealId, (document, clock) -> {
            document.assumeNewNote(noteId);
            document.deal().addNote(noteId, text, clock, actor);
        });
        return NoteView.of(liveNote(saved.deal(), noteId));
    }

    public NoteView edit(Caller caller, String sharedDealId, String noteId, String body) {
        Actor actor = commands.actor(caller);
        String text = validText("body", body, MAX_NOTE_BYTES);
        SharedDealDocument saved = queries.changeVisible(caller, sharedDealId, (document, clock) ->
                document.deal().editNote(noteId, text, clock, actor));
        return NoteView.of(liveNote(saved.deal(), noteId));
    }

    public void delete(Caller caller, String sharedDealId, String noteId) {
        Actor actor = commands.actor(caller);
        queries.changeVisible(caller, sharedDealId, (document, clock) ->
                document.deal().deleteNote(noteId, clock, actor));
    }

    public NoteView.CommentView comment(Caller caller, String sharedDealId, String noteId, String body) {
        Actor actor = commands.actor(caller);
        String text = validText("body", body, MAX_COMMENT_BYTES);
        String commentId = UUID.randomUUID().toString();
        SharedDealDocument saved = queries.changeVisible(caller, sharedDealId, (document, clock) ->
                document.deal().addComment(noteId, commentId, text, clock, actor));
        return NoteView.CommentView.of(noteId, liveNote(saved.deal(), noteId).comment(commentId).orElseThrow());
    }

    public void deleteComment(Caller caller, String sharedDealId, String noteId, String commentId) {
        Actor actor = commands.actor(caller);
        queries.changeVisible(caller, sharedDealId, (document, clock) ->
                document.deal().deleteComment(noteId, commentId, clock, actor));
    }

    /** A live attachment whose bytes this side holds and has verified: 404 if gone, 409 while not verified. */
    public Download download(Caller caller, String sharedDealId, String noteId, String attachmentId) {
        NoteAttachment attachment = liveAttachment(queries.visible(caller, sharedDealId).deal(), noteId,
                attachmentId);
        if (attachment.status() == AttachmentStatus.TRANSFERRING) {
            throw new ConflictException("Attachment still transferring", "Attachment " + attachmentId
                    + " is still being transferred from the other side; try again shortly");
        }
        if (attachment.status() == AttachmentStatus.FAILED) {
            throw new ConflictException("Attachment failed verification", "The bytes of attachment "
                    + attachmentId + " that arrived did not match its size or SHA-256; it cannot be downloaded");
        }
        InputStream content = sharedDeals.files().open(attachmentId).orElseThrow(() -> new ConflictException(
                "Attachment not stored", "Attachment " + attachmentId + " has no stored file on this side"));
        return new Download(attachment, content);
    }

    /** An attachment's metadata with its bytes, streamed by the caller (who closes the stream). */
    public record Download(NoteAttachment attachment, InputStream content) {
    }

    public void deleteAttachment(Caller caller, String sharedDealId, String noteId, String attachmentId) {
        Actor actor = commands.actor(caller);
        queries.changeVisible(caller, sharedDealId, (document, clock) ->
                document.deal().deleteAttachment(noteId, attachmentId, clock, actor));
    }

    static SharedNote liveNote(SharedDeal deal, String noteId) {
        return deal.note(noteId).orElseThrow(() -> new NotFoundException("Shared deal " + deal.id().value()
                + " has no shared note " + noteId));
    }

    static NoteAttachment liveAttachment(SharedDeal deal, String noteId, String attachmentId) {
        return liveNote(deal, noteId).attachment(attachmentId).filter(a -> !a.deleted())
                .orElseThrow(() -> new NotFoundException("Shared note " + noteId + " has no attachment "
                        + attachmentId));
    }

    private static String validText(String field, String text, int maxBytes) {
        if (text == null || text.isBlank()) {
            throw UnprocessableException.of(field, "must not be blank");
        }
        if (!Limits.fitsUtf8(text, maxBytes)) {
            throw UnprocessableException.of(field, "must be at most " + maxBytes / 1024 + " KiB (UTF-8)");
        }
        return text;
    }
}
