package com.dealbridge.shareddeal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What two replicas of a deal must agree on once each has applied everything the other published: the shared
 * facts field by field with their stamps (without what is each side's own: which side it is, its sequence, its
 * marks, and the time it was last changed here), the live notes with their texts, comments and attachments in
 * the order both sides list them, the tombstones, and the Shared tab.
 *
 * @param deletedNotes ids of the deleted notes (a tombstone keeps only its id: what else a side knew of the note
 *                     before it was deleted is not shared)
 */
record SharedState(DealFacts.State facts, List<Note> notes, Set<String> deletedNotes,
                   List<ActivityEntry> sharedTab) {

    /**
     * A live note. {@code deletedComments} and {@code deletedAttachments} are its tombstones (the ones of a deleted
     * note are gone with it).
     */
    record Note(SharedNote.State note, List<NoteComment.State> comments, Set<String> deletedComments,
                List<Attachment> attachments, Set<String> deletedAttachments) {
    }

    /** What both sides know of a live attachment (its transfer status and purge are each side's own progress). */
    record Attachment(String id, String fileName, String contentType, long size, String sha256, int chunkSize,
                      int chunkCount, Author author, Instant createdAt, Stamp createdStamp) {
    }

    /** @param withUpdatedAt whether the time the deal last changed must agree too (not after a resync) */
    static SharedState of(SharedDeal deal, boolean withUpdatedAt) {
        DealFacts.State f = deal.facts().state();
        DealFacts.State shared = new DealFacts.State(f.id(), f.partnerId(), null, f.registeredBy(), f.dealName(),
                f.amount(), f.currency(), f.closeDate(), f.stage(), f.introNote(), f.painOrOpportunity(),
                f.nextSteps(), f.welcomeNote(), f.sourceType(), f.productIds(), f.assignedRep(), f.partnerOwner(),
                f.partnerCompensationEligible(), f.withdrawn(), f.withdrawalReason(), f.quotes(), f.createdAt(),
                withUpdatedAt ? f.updatedAt() : null, f.stamps(), 0, null, f.liveNotes());
        List<Note> notes = deal.notes().stream().map(note -> new Note(note.state(),
                note.comments().stream().map(NoteComment::state).toList(),
                ids(note.allComments().stream().filter(NoteComment::deleted).map(NoteComment::id).toList()),
                note.attachments().stream().map(SharedState::attachment).toList(),
                ids(note.allAttachments().stream().filter(NoteAttachment::deleted).map(NoteAttachment::id)
                        .toList()))).toList();
        Set<String> deletedNotes = ids(deal.allNotes().stream().filter(SharedNote::deleted).map(SharedNote::id)
                .toList());
        return new SharedState(shared, notes, deletedNotes, deal.activity());
    }

    private static Attachment attachment(NoteAttachment a) {
        return new Attachment(a.id(), a.fileName(), a.contentType(), a.size(), a.sha256(), a.chunkSize(),
                a.chunkCount(), a.author(), a.createdAt(), a.createdStamp());
    }

    private static Set<String> ids(List<String> ids) {
        return new TreeSet<>(ids);
    }
}
