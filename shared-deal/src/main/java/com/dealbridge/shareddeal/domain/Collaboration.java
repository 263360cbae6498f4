package com.dealbridge.shareddeal.domain;

/**
 * The merge rules of shared notes, comments and attachments, applied alike to local and remote events. Deletes are
 * tombstones: whatever arrives after a delete (an edit, a comment, an attachment, in any interleaving) never brings
 * the deleted thing back; if a delete arrives for something not seen yet, the tombstone is created first.
 */
final class Collaboration {

    private final NoteBook notes;
    private final Origin side;
    private final DealFacts facts;

    Collaboration(NoteBook notes, Origin side, DealFacts facts) {
        this.notes = notes;
        this.side = side;
        this.facts = facts;
    }

    /** Applies a collaboration event; false when the event is not one. */
    boolean apply(SharedDealEvent event) {
        if (event instanceof SharedNoteAdded e) {
            if (notes.find(e.noteId()).isEmpty()) {
                notes.add(SharedNote.added(e));
                facts.countNote(1);
            }
        } else if (event instanceof SharedNoteEdited e) {
            notes.find(e.noteId()).ifPresent(note -> note.edit(e.body(), e.header().stamp(),
                    e.header().occurredAt()));
        } else if (event instanceof SharedNoteDeleted e) {
            SharedNote note = noteOrTombstone(e.noteId());
            if (!note.deleted()) {
                note.delete();
                facts.countNote(-1);
            }
        } else if (event instanceof NoteCommentAdded e) {
            notes.find(e.noteId()).ifPresent(note -> note.addComment(note.deleted()
                    ? NoteComment.tombstone(e.commentId()) : NoteComment.added(e.commentId(), e.body(), e.header())));
        } else if (event instanceof NoteCommentDeleted e) {
            SharedNote note = noteOrTombstone(e.noteId());
            note.comment(e.commentId()).ifPresentOrElse(NoteComment::delete,
                    () -> note.addComment(NoteComment.tombstone(e.commentId())));
        } else if (event instanceof AttachmentAdded e) {
            SharedNote note = noteOrTombstone(e.noteId());
            NoteAttachment attachment = NoteAttachment.added(e, side);
            if (note.deleted()) {
                attachment.delete();
            }
            note.addAttachment(attachment);
        } else if (event instanceof AttachmentDeleted e) {
            SharedNote note = noteOrTombstone(e.noteId());
            note.attachment(e.attachmentId()).ifPresentOrElse(NoteAttachment::delete,
                    () -> note.addAttachment(NoteAttachment.tombstone(e.attachmentId())));
        } else {
            return false;
        }
        return true;
    }

    private SharedNote noteOrTombstone(String noteId) {
        return notes.find(noteId).orElseGet(() -> {
            SharedNote tombstone = SharedNote.tombstone(noteId);
            notes.add(tombstone);
            return tombstone;
        });
    }
}
