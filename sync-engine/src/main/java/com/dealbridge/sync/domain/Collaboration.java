package com.dealbridge.sync.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The merge rules of shared notes, comments and attachments, applied alike to local and remote events. Deletes are
 * tombstones: whatever arrives after a delete (an edit, a comment, an attachment, in any interleaving) never brings
 * the deleted thing back; if a delete arrives for something not seen yet, the tombstone is created first.
 */
final class Collaboration {

    /** What the Shared tab shows for an applied event. */
    record Activity(String type, Map<String, Object> details) {
    }

    /** Characters of a note's or comment's text the Shared tab shows. */
    static final int EXCERPT = 280;

    private final List<SharedNote> notes;
    private final Origin side;

    Collaboration(List<SharedNote> notes, Origin side) {
        this.notes = notes;
        this.side = side;
    }

    /** Applies a collaboration event; empty when the event is not one. */
    Optional<Activity> apply(SharedDealEvent event) {
        Map<String, Object> details = new LinkedHashMap<>();
        String type;
        if (event instanceof SharedNoteAdded e) {
            if (note(e.noteId()).isEmpty()) {
                notes.add(SharedNote.added(e));
            }
            details.put("noteId", e.noteId());
            details.put("body", excerpt(e.body()));
            type = "NOTE_ADDED";
        } else if (event instanceof SharedNoteEdited e) {
            note(e.noteId()).ifPresent(note -> note.edit(e.body(), e.header().stamp(), e.header().occurredAt()));
            details.put("noteId", e.noteId());
            // a text arriving after the delete is not shown either: the deleted note's texts are gone on both sides
            if (isLive(e.noteId())) {
                details.put("body", excerpt(e.body()));
            }
            type = "NOTE_EDITED";
        } else if (event instanceof SharedNoteDeleted e) {
            noteOrTombstone(e.noteId()).delete();
            details.put("noteId", e.noteId());
            type = "NOTE_DELETED";
        } else if (event instanceof NoteCommentAdded e) {
            note(e.noteId()).ifPresent(note -> note.addComment(note.deleted() ? NoteComment.tombstone(e.commentId())
                    : NoteComment.added(e.commentId(), e.body(), e.header())));
            details.put("noteId", e.noteId());
            details.put("commentId", e.commentId());
            if (isLive(e.noteId()) && note(e.noteId()).flatMap(n -> n.comment(e.commentId()))
                    .filter(c -> !c.deleted()).isPresent()) {
                details.put("body", excerpt(e.body()));
            }
            type = "COMMENT_ADDED";
        } else if (event instanceof NoteCommentDeleted e) {
            SharedNote note = noteOrTombstone(e.noteId());
            note.comment(e.commentId()).ifPresentOrElse(NoteComment::delete,
                    () -> note.addComment(NoteComment.tombstone(e.commentId())));
            details.put("noteId", e.noteId());
            details.put("commentId", e.commentId());
            type = "COMMENT_DELETED";
        } else if (event instanceof AttachmentAdded e) {
            SharedNote note = noteOrTombstone(e.noteId());
            NoteAttachment attachment = NoteAttachment.added(e, side);
            if (note.deleted()) {
                attachment.delete();
            }
            note.addAttachment(attachment);
            details.put("noteId", e.noteId());
            details.put("attachmentId", e.attachmentId());
            details.put("fileName", e.fileName());
            details.put("contentType", e.contentType());
            details.put("size", e.size());
            type = "ATTACHMENT_ADDED";
        } else if (event instanceof AttachmentDeleted e) {
            SharedNote note = noteOrTombstone(e.noteId());
            note.attachment(e.attachmentId()).ifPresentOrElse(NoteAttachment::delete,
                    () -> note.addAttachment(NoteAttachment.tombstone(e.attachmentId())));
            details.put("noteId", e.noteId());
            details.put("attachmentId", e.attachmentId());
            type = "ATTACHMENT_DELETED";
        } else {
            return Optional.empty();
        }
        return Optional.of(new Activity(type, details));
    }

    /**
     * The Shared tab quotes the start of a text only: the whole text lives in the note, and every edit adds a line
     * to the tab, which must not grow the deal's document by the full text each time.
     */
    static String excerpt(String text) {
        if (text.length() <= EXCERPT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(EXCERPT - 2)) ? EXCERPT - 2 : EXCERPT - 1;
        return text.substring(0, end) + "\u2026";
    }

    private boolean isLive(String noteId) {
        return note(noteId).filter(note -> !note.deleted()).isPresent();
    }

    /** The note, deleted or not. */
    Optional<SharedNote> note(String noteId) {
        return notes.stream().filter(note -> note.id().equals(noteId)).findFirst();
    }

    private SharedNote noteOrTombstone(String noteId) {
        return note(noteId).orElseGet(() -> {
            SharedNote tombstone = SharedNote.tombstone(noteId);
            notes.add(tombstone);
            return tombstone;
        });
    }
}
