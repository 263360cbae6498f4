package com.dealbridge.shareddeal.domain;

import static com.dealbridge.shareddeal.domain.Fixtures.CRM_REP;
import static com.dealbridge.shareddeal.domain.Fixtures.PARTNER_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealbridge.sync.clock.Hlc;
import com.dealbridge.sync.clock.ManualClock;
import com.dealbridge.sync.clock.SyncClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The merge rules of shared notes, comments and attachments (DESIGN.md §5–6): two replicas of one deal, the
 * partner's (which registered it) and the CRM's, exchanging the events their local commands record.
 */
class SharedNotesTest {

    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final long T0 = 1_000_000;

    private final ManualClock partnerClock = new ManualClock(T0);
    private final ManualClock crmClock = new ManualClock(T0);
    private final SharedDealId id = SharedDealId.random();
    private final SharedDeal partner = SharedDeal.register(Fixtures.partnerRegistration(id), Origin.PARTNER,
            partnerClock, PARTNER_USER);
    private final SharedDealRegistered registration =
            (SharedDealRegistered) partner.drainRecordedEvents().get(0);
    private final SharedDeal crm = SharedDeal.receive(registration, Origin.CRM, crmClock);

    // ---- notes ----------------------------------------------------------------------------------------------

    @Test
    void noteAddedOnOneSideAppearsOnTheOtherWithAuthor() {
        partner.addNote("note-p", "Customer wants SSO", partnerClock, PARTNER_USER);
        crmClock.advance(5);
        crm.addNote("note-c", "Pricing approved", crmClock, CRM_REP);

        exchange();

        for (SharedDeal replica : List.of(partner, crm)) {
            assertThat(replica.notes()).as(replica.side() + " notes").extracting(SharedNote::id)
                    .containsExactlyInAnyOrder("note-p", "note-c");
            SharedNote fromPartner = replica.note("note-p").orElseThrow();
            assertThat(fromPartner.body()).isEqualTo("Customer wants SSO");
            assertThat(fromPartner.author()).isEqualTo(new Author(Origin.PARTNER, "pu-1", "Paula Partner"));
            assertThat(fromPartner.createdAt()).isEqualTo(Instant.ofEpochMilli(T0));
            assertThat(fromPartner.editedAt()).isNull();
            assertThat(fromPartner.deleted()).isFalse();
            SharedNote fromCrm = replica.note("note-c").orElseThrow();
            assertThat(fromCrm.body()).isEqualTo("Pricing approved");
            assertThat(fromCrm.author()).isEqualTo(new Author(Origin.CRM, "rep-1", "Rita Rep"));
            assertThat(fromCrm.createdAt()).isEqualTo(Instant.ofEpochMilli(T0 + 5));
        }
        assertThat(crm.highWaterMark(Origin.PARTNER)).isEqualTo(2);
        assertThat(partner.highWaterMark(Origin.CRM)).isEqualTo(1);
        assertThat(partner.drainRecordedEvents()).as("applying never echoes").isEmpty();
        assertThat(crm.drainRecordedEvents()).as("applying never echoes").isEmpty();
    }

    @Test
    void noteIdsAreNotReused() {
        partner.addNote("note-1", "First", partnerClock, PARTNER_USER);
        partner.deleteNote("note-1", partnerClock, PARTNER_USER);
        partner.drainRecordedEvents();

        assertThatThrownBy(() -> partner.addNote("note-1", "Again", partnerClock, PARTNER_USER))
                .isInstanceOf(SyncRuleViolation.class);
        assertThat(partner.notes()).isEmpty();
        assertThat(partner.drainRecordedEvents()).isEmpty();
    }

    @Test
    void editIsLastWriterWinsByStampOnBothSides() {
        partner.addNote("note-1", "v1", partnerClock, PARTNER_USER);
        exchange();
        partnerClock.advance(10);
        assertThat(partner.editNote("note-1", "v2", partnerClock, PARTNER_USER)).isTrue();
        partnerClock.advance(10);
        assertThat(partner.editNote("note-1", "v3", partnerClock, PARTNER_USER)).isTrue();
        exchange();

        for (SharedDeal replica : List.of(partner, crm)) {
            SharedNote note = replica.note("note-1").orElseThrow();
            assertThat(note.body()).as(replica.side().name()).isEqualTo("v3");
            assertThat(note.editedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 20));
            assertThat(note.createdAt()).isEqualTo(Instant.ofEpochMilli(T0));
        }

        // an edit stamped before the current text (e.g. a delayed writer) is applied in sequence but loses
        SharedNoteEdited stale = new SharedNoteEdited(header(Origin.PARTNER, partner.localSequence() + 1,
                new Hlc(T0 + 15, 0), PARTNER_USER), "note-1", "stale");
        assertThat(crm.apply(stale, crmClock)).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(crm.note("note-1").orElseThrow().body()).isEqualTo("v3");
        assertThat(crm.note("note-1").orElseThrow().editedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 20));

        // and a later-stamped one wins
        SharedNoteEdited newer = new SharedNoteEdited(header(Origin.PARTNER, partner.localSequence() + 2,
                new Hlc(T0 + 30, 0), PARTNER_USER), "note-1", "v4");
        assertThat(crm.apply(newer, crmClock)).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(crm.note("note-1").orElseThrow().body()).isEqualTo("v4");
    }

    @Test
    void anEditWithTheSameTextChangesNothingAndRecordsNothing() {
        partner.addNote("note-1", "Same", partnerClock, PARTNER_USER);
        partner.drainRecordedEvents();

        assertThat(partner.editNote("note-1", "Same", partnerClock, PARTNER_USER)).isFalse();

        assertThat(partner.drainRecordedEvents()).isEmpty();
        assertThat(partner.note("note-1").orElseThrow().editedAt()).isNull();
    }

    @Test
    void onlyTheAuthorsSideEditsANote() {
        partner.addNote("note-p", "Partner text", partnerClock, PARTNER_USER);
        crm.addNote("note-c", "CRM text", crmClock, CRM_REP);
        exchange();

        assertThatThrownBy(() -> crm.editNote("note-p", "Hijacked", crmClock, CRM_REP))
                .isInstanceOf(ForeignAuthorException.class);
        assertThatThrownBy(() -> partner.editNote("note-c", "Hijacked", partnerClock, PARTNER_USER))
                .isInstanceOf(ForeignAuthorException.class);
        assertThat(crm.drainRecordedEvents()).isEmpty();
        assertThat(partner.drainRecordedEvents()).isEmpty();
        assertThat(crm.note("note-p").orElseThrow().body()).isEqualTo("Partner text");
        assertThat(partner.note("note-c").orElseThrow().body()).isEqualTo("CRM text");

        assertThat(crm.editNote("note-c", "CRM text, revised", crmClock, CRM_REP)).isTrue();
        exchange();
        assertThat(partner.note("note-c").orElseThrow().body()).isEqualTo("CRM text, revised");
    }

    // ---- deletes are tombstones -----------------------------------------------------------------------------

    /** The CRM deletes the partner's note while the partner edits it; each side applies the other's event last. */
    @ParameterizedTest(name = "edit stamped after the delete: {0}")
    @ValueSource(booleans = {false, true})
    void deletedNoteStaysDeletedAfterLateEdit(boolean editStampedAfterDelete) {
        partner.addNote("note-1", "Original text", partnerClock, PARTNER_USER);
        exchange();

        crmClock.advance(10);
        assertThat(crm.deleteNote("note-1", crmClock, CRM_REP)).isTrue();
        partnerClock.advance(editStampedAfterDelete ? 20 : 5);
        assertThat(partner.editNote("note-1", "Edited meanwhile", partnerClock, PARTNER_USER)).isTrue();
        exchange(); // CRM: delete, then edit; partner: edit, then delete

        for (SharedDeal replica : List.of(partner, crm)) {
            String side = replica.side().name();
            assertThat(replica.notes()).as(side).isEmpty();
            assertThat(replica.note("note-1")).as(side).isEmpty();
            SharedNote tombstone = storedNote(replica, "note-1");
            assertThat(tombstone.deleted()).as(side).isTrue();
            assertThat(tombstone.body()).as(side + " body").isNull();
        }
        assertThatThrownBy(() -> partner.editNote("note-1", "Once more", partnerClock, PARTNER_USER))
                .isInstanceOf(UnknownNoteException.class);
    }

    @Test
    void commentOnDeletedNoteDoesNotReviveIt() {
        partner.addNote("note-1", "Original text", partnerClock, PARTNER_USER);
        exchange();

        crm.deleteNote("note-1", crmClock, CRM_REP);
        partner.addComment("note-1", "comment-1", "Any update?", partnerClock, PARTNER_USER);
        exchange(); // CRM: delete, then comment; partner: comment, then delete

        for (SharedDeal replica : List.of(partner, crm)) {
            String side = replica.side().name();
            assertThat(replica.notes()).as(side).isEmpty();
            SharedNote tombstone = storedNote(replica, "note-1");
            assertThat(tombstone.deleted()).as(side).isTrue();
            assertThat(tombstone.body()).as(side).isNull();
            assertThat(tombstone.comments()).as(side + " live comments").isEmpty();
            tombstone.comment("comment-1").ifPresent(comment -> {
                assertThat(comment.deleted()).as(side + " comment").isTrue();
                assertThat(comment.body()).as(side + " comment body").isNull();
            });
        }
        assertThatThrownBy(() -> crm.addComment("note-1", "comment-2", "Hello?", crmClock, CRM_REP))
                .isInstanceOf(UnknownNoteException.class);
    }

    @Test
    void attachmentOnDeletedNoteArrivesDeletedAndIsPurged() {
        partner.addNote("note-1", "See file", partnerClock, PARTNER_USER);
        exchange();

        crm.deleteNote("note-1", crmClock, CRM_REP);
        partner.addAttachment("note-1", file("att-1"), partnerClock, PARTNER_USER);
        exchange();

        for (SharedDeal replica : List.of(partner, crm)) {
            String side = replica.side().name();
            assertThat(replica.notes()).as(side).isEmpty();
            assertThat(replica.attachment("att-1")).as(side).get().extracting(NoteAttachment::deleted)
                    .isEqualTo(true);
            assertThat(replica.attachmentsToPurge()).as(side).extracting(NoteAttachment::id)
                    .containsExactly("att-1");
        }
    }

    @Test
    void deletingNoteDeletesItsCommentsAndAttachments() {
        partner.addNote("note-1", "Proposal attached", partnerClock, PARTNER_USER);
        exchange();
        crm.addComment("note-1", "comment-1", "Looks good", crmClock, CRM_REP);
        partner.addAttachment("note-1", file("att-1"), partnerClock, PARTNER_USER);
        exchange();
        for (SharedDeal replica : List.of(partner, crm)) {
            SharedNote note = replica.note("note-1").orElseThrow();
            assertThat(note.comments()).extracting(NoteComment::id).containsExactly("comment-1");
            assertThat(note.attachments()).extracting(NoteAttachment::id).containsExactly("att-1");
            assertThat(replica.attachmentsToPurge()).as("nothing deleted yet").isEmpty();
        }

        assertThat(partner.deleteNote("note-1", partnerClock, PARTNER_USER)).isTrue();
        exchange();

        for (SharedDeal replica : List.of(partner, crm)) {
            String side = replica.side().name();
            SharedNote tombstone = storedNote(replica, "note-1");
            assertThat(tombstone.deleted()).as(side).isTrue();
            assertThat(tombstone.body()).as(side).isNull();
            NoteComment comment = tombstone.comment("comment-1").orElseThrow();
            assertThat(comment.deleted()).as(side + " comment").isTrue();
            assertThat(comment.body()).as(side + " comment body").isNull();
            NoteAttachment attachment = replica.attachment("att-1").orElseThrow();
            assertThat(attachment.deleted()).as(side + " attachment").isTrue();
            assertThat(attachment.purged()).as(side).isFalse();
            assertThat(replica.attachmentsToPurge()).as(side).extracting(NoteAttachment::id)
                    .containsExactly("att-1");
            assertThat(replica.attachmentsToPurge()).as(side + " listing again does not consume").extracting(NoteAttachment::id)
                    .containsExactly("att-1");

            replica.markPurged("att-1");

            assertThat(replica.attachmentsToPurge()).as(side + " after purge").isEmpty();
            assertThat(replica.attachment("att-1").orElseThrow().purged()).as(side).isTrue();
            assertThat(replica.attachment("att-1").orElseThrow().deleted()).as(side).isTrue();
        }
        assertThat(partner.drainRecordedEvents()).as("purging is local").isEmpty();
        assertThat(crm.drainRecordedEvents()).as("purging is local").isEmpty();
    }

    @Test
    void deletingTwiceReturnsFalseAndRecordsNothing() {
        partner.addNote("note-1", "Text", partnerClock, PARTNER_USER);
        partner.addComment("note-1", "comment-1", "Comment", partnerClock, PARTNER_USER);
        partner.addAttachment("note-1", file("att-1"), partnerClock, PARTNER_USER);
        exchange();

        assertThat(partner.deleteComment("note-1", "comment-1", partnerClock, PARTNER_USER)).isTrue();
        assertThat(partner.deleteComment("note-1", "comment-1", partnerClock, PARTNER_USER)).isFalse();
        assertThat(partner.deleteAttachment("note-1", "att-1", partnerClock, PARTNER_USER)).isTrue();
        assertThat(partner.deleteAttachment("note-1", "att-1", partnerClock, PARTNER_USER)).isFalse();
        assertThat(partner.deleteNote("note-1", partnerClock, PARTNER_USER)).isTrue();
        assertThat(partner.deleteNote("note-1", partnerClock, PARTNER_USER)).isFalse();

        List<SharedDealEvent> recorded = partner.drainRecordedEvents();
        assertThat(recorded).extracting(SharedDealEvent::type)
                .containsExactly("NoteCommentDeleted", "AttachmentDeleted", "SharedNoteDeleted");
        deliver(recorded, crm, crmClock);

        // a delete that already came from the other side is not repeated either
        assertThat(crm.deleteNote("note-1", crmClock, CRM_REP)).isFalse();
        assertThat(crm.drainRecordedEvents()).isEmpty();
    }

    @Test
    void unknownNoteCommentOrAttachmentIdsAreRefused() {
        partner.addNote("note-1", "Text", partnerClock, PARTNER_USER);
        partner.addComment("note-1", "comment-1", "Comment", partnerClock, PARTNER_USER);
        partner.addAttachment("note-1", file("att-1"), partnerClock, PARTNER_USER);
        partner.drainRecordedEvents();

        assertThatThrownBy(() -> partner.editNote("nope", "x", partnerClock, PARTNER_USER))
                .isInstanceOf(UnknownNoteException.class);
        assertThatThrownBy(() -> partner.deleteNote("nope", partnerClock, PARTNER_USER))
                .isInstanceOf(UnknownNoteException.class);
        assertThatThrownBy(() -> partner.addComment("nope", "comment-2", "x", partnerClock, PARTNER_USER))
                .isInstanceOf(UnknownNoteException.class);
        assertThatThrownBy(() -> partner.deleteComment("nope", "comment-1", partnerClock, PARTNER_USER))
                .isInstanceOf(UnknownNoteException.class);
        assertThatThrownBy(() -> partner.deleteComment("note-1", "nope", partnerClock, PARTNER_USER))
                .isInstanceOf(UnknownNoteException.class);
        assertThatThrownBy(() -> partner.addAttachment("nope", file("att-2"), partnerClock, PARTNER_USER))
                .isInstanceOf(UnknownNoteException.class);
        assertThatThrownBy(() -> partner.deleteAttachment("nope", "att-1", partnerClock, PARTNER_USER))
                .isInstanceOf(UnknownNoteException.class);
        assertThatThrownBy(() -> partner.deleteAttachment("note-1", "nope", partnerClock, PARTNER_USER))
                .isInstanceOf(UnknownNoteException.class);
        assertThat(partner.drainRecordedEvents()).isEmpty();

        // a deleted note is no longer there to change
        partner.deleteNote("note-1", partnerClock, PARTNER_USER);
        partner.drainRecordedEvents();
        assertThatThrownBy(() -> partner.editNote("note-1", "x", partnerClock, PARTNER_USER))
                .isInstanceOf(UnknownNoteException.class);
        assertThatThrownBy(() -> partner.addComment("note-1", "comment-2", "x", partnerClock, PARTNER_USER))
                .isInstanceOf(UnknownNoteException.class);
        assertThatThrownBy(() -> partner.addAttachment("note-1", file("att-2"), partnerClock, PARTNER_USER))
                .isInstanceOf(UnknownNoteException.class);
        assertThatThrownBy(() -> partner.deleteComment("note-1", "comment-1", partnerClock, PARTNER_USER))
                .isInstanceOf(UnknownNoteException.class);
        assertThat(partner.drainRecordedEvents()).isEmpty();
    }

    // ---- attachments ----------------------------------------------------------------------------------------

    @Test
    void attachmentIsAvailableOnItsOriginAndTransferringOnTheReceiverUntilSettled() {
        partner.addNote("note-1", "See file", partnerClock, PARTNER_USER);
        exchange();
        partner.addAttachment("note-1", file("att-1"), partnerClock, PARTNER_USER);

        assertThat(partner.attachment("att-1").orElseThrow().status()).isEqualTo(AttachmentStatus.AVAILABLE);
        exchange();

        NoteAttachment received = crm.note("note-1").orElseThrow().attachment("att-1").orElseThrow();
        assertThat(received.status()).isEqualTo(AttachmentStatus.TRANSFERRING);
        assertThat(received.fileName()).isEqualTo("plan.pdf");
        assertThat(received.contentType()).isEqualTo("application/pdf");
        assertThat(received.size()).isEqualTo(300_000);
        assertThat(received.sha256()).isEqualTo(SHA256);
        assertThat(received.chunkSize()).isEqualTo(262_144);
        assertThat(received.chunkCount()).isEqualTo(2);
        assertThat(received.author()).isEqualTo(new Author(Origin.PARTNER, "pu-1", "Paula Partner"));
        assertThat(received.deleted()).isFalse();

        crm.settleAttachment("att-1", AttachmentStatus.AVAILABLE);

        assertThat(crm.attachment("att-1").orElseThrow().status()).isEqualTo(AttachmentStatus.AVAILABLE);
        assertThat(crm.drainRecordedEvents()).as("settling is local progress").isEmpty();
        assertThat(partner.attachment("att-1").orElseThrow().status()).isEqualTo(AttachmentStatus.AVAILABLE);
    }

    @Test
    void aFailedTransferStaysFailed() {
        partner.addNote("note-1", "See file", partnerClock, PARTNER_USER);
        partner.addAttachment("note-1", file("att-1"), partnerClock, PARTNER_USER);
        exchange();

        crm.settleAttachment("att-1", AttachmentStatus.FAILED);
        crm.settleAttachment("att-1", AttachmentStatus.AVAILABLE);
        crm.settleAttachment("no-such-attachment", AttachmentStatus.AVAILABLE);

        assertThat(crm.attachment("att-1").orElseThrow().status()).isEqualTo(AttachmentStatus.FAILED);
        assertThat(crm.drainRecordedEvents()).isEmpty();
    }

    @Test
    void attachmentDeletedWhileTransferringStaysDeleted() {
        partner.addNote("note-1", "See file", partnerClock, PARTNER_USER);
        exchange();
        partner.addAttachment("note-1", file("att-1"), partnerClock, PARTNER_USER);
        exchange();
        assertThat(crm.attachment("att-1").orElseThrow().status()).isEqualTo(AttachmentStatus.TRANSFERRING);

        assertThat(crm.deleteAttachment("note-1", "att-1", crmClock, CRM_REP)).isTrue();
        crm.settleAttachment("att-1", AttachmentStatus.AVAILABLE); // the last chunk lands after the delete
        exchange();

        for (SharedDeal replica : List.of(partner, crm)) {
            String side = replica.side().name();
            assertThat(replica.attachment("att-1").orElseThrow().deleted()).as(side).isTrue();
            assertThat(replica.note("note-1").orElseThrow().attachments()).as(side).isEmpty();
            assertThat(replica.attachmentsToPurge()).as(side + " still to purge").extracting(NoteAttachment::id)
                    .containsExactly("att-1");
        }
        assertThat(crm.deleteAttachment("note-1", "att-1", crmClock, CRM_REP)).as("already deleted").isFalse();
    }

    // ---- delivery -------------------------------------------------------------------------------------------

    @Test
    void duplicateEventChangesNothing() {
        partner.addNote("note-1", "Text", partnerClock, PARTNER_USER);
        partner.editNote("note-1", "Text, edited", partnerClock, PARTNER_USER);
        partner.addComment("note-1", "comment-1", "Comment", partnerClock, PARTNER_USER);
        partner.addAttachment("note-1", file("att-1"), partnerClock, PARTNER_USER);
        partner.deleteComment("note-1", "comment-1", partnerClock, PARTNER_USER);
        partner.deleteAttachment("note-1", "att-1", partnerClock, PARTNER_USER);
        partner.addNote("note-2", "Short-lived", partnerClock, PARTNER_USER);
        partner.deleteNote("note-2", partnerClock, PARTNER_USER);
        List<SharedDealEvent> events = partner.drainRecordedEvents();
        assertThat(events).extracting(SharedDealEvent::type).containsExactlyInAnyOrder("SharedNoteAdded",
                "SharedNoteEdited", "NoteCommentAdded", "AttachmentAdded", "NoteCommentDeleted", "AttachmentDeleted",
                "SharedNoteAdded", "SharedNoteDeleted");
        deliver(events, crm, crmClock);
        SharedDeal once = SharedDeal.receive(registration, Origin.CRM, new ManualClock(T0));
        deliver(events, once, new ManualClock(T0));

        for (SharedDealEvent event : events) {
            assertThat(crm.apply(event, crmClock)).as(event.type()).isEqualTo(ApplyOutcome.DUPLICATE);
        }
        // and once more in reverse order, as a redelivery after a rebalance might
        List<SharedDealEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        for (SharedDealEvent event : reversed) {
            assertThat(crm.apply(event, crmClock)).as(event.type()).isEqualTo(ApplyOutcome.DUPLICATE);
        }

        assertThat(crm).usingRecursiveComparison().ignoringFields("recorded").isEqualTo(once);
        assertThat(crm.activity()).isEqualTo(once.activity());
        assertThat(crm.highWaterMark(Origin.PARTNER)).isEqualTo(events.size() + 1);
        assertThat(crm.drainRecordedEvents()).isEmpty();
    }

    @Test
    void attachmentChunksAreNotAppliedToTheReplica() {
        partner.addNote("note-1", "See file", partnerClock, PARTNER_USER);
        partner.addAttachment("note-1", file("att-1"), partnerClock, PARTNER_USER);
        exchange();
        long mark = crm.highWaterMark(Origin.PARTNER);

        // a chunk repeats its AttachmentAdded's sequence; one with the next sequence is refused just the same
        for (long sequence : new long[] {mark, mark + 1}) {
            AttachmentChunk chunk = new AttachmentChunk(header(Origin.PARTNER, sequence, new Hlc(T0, 9),
                    PARTNER_USER), "note-1", "att-1", 0, 2, 0, new byte[] {1, 2, 3});
            assertThatThrownBy(() -> crm.apply(chunk, crmClock)).isInstanceOf(IllegalArgumentException.class);
        }

        assertThat(crm.highWaterMark(Origin.PARTNER)).isEqualTo(mark);
        assertThat(crm.attachment("att-1").orElseThrow().status()).isEqualTo(AttachmentStatus.TRANSFERRING);
    }

    // ---- withdrawal -----------------------------------------------------------------------------------------

    @Test
    void withdrawnDealRefusesNewNotes() {
        partner.addNote("note-p", "Before withdrawal", partnerClock, PARTNER_USER);
        crm.addNote("note-c", "Before withdrawal", crmClock, CRM_REP);
        exchange();
        partner.withdraw("Customer went elsewhere", partnerClock, PARTNER_USER);
        exchange();

        assertThat(crm.facts().withdrawn()).isTrue();
        assertThatThrownBy(() -> partner.addNote("note-2", "After", partnerClock, PARTNER_USER))
                .isInstanceOf(SyncRuleViolation.class);
        assertThatThrownBy(() -> crm.addNote("note-3", "After", crmClock, CRM_REP))
                .isInstanceOf(SyncRuleViolation.class);
        assertThatThrownBy(() -> partner.editNote("note-p", "After", partnerClock, PARTNER_USER))
                .isInstanceOf(SyncRuleViolation.class);
        assertThatThrownBy(() -> crm.addComment("note-p", "comment-1", "After", crmClock, CRM_REP))
                .isInstanceOf(SyncRuleViolation.class);
        assertThatThrownBy(() -> partner.addAttachment("note-c", file("att-1"), partnerClock, PARTNER_USER))
                .isInstanceOf(SyncRuleViolation.class);

        assertThat(partner.drainRecordedEvents()).isEmpty();
        assertThat(crm.drainRecordedEvents()).isEmpty();
        for (SharedDeal replica : List.of(partner, crm)) {
            assertThat(replica.notes()).extracting(SharedNote::id).containsExactlyInAnyOrder("note-p", "note-c");
            assertThat(replica.note("note-p").orElseThrow().body()).isEqualTo("Before withdrawal");
        }
    }

    // ---- the Shared tab ---------------------------------------------------------------------------------------

    @Test
    void sharedTabHasTheSameEntriesInTheSameOrderOnBothSidesAfterConcurrentEvents() {
        // round 1: each side adds a note
        partnerClock.advance(10);
        partner.addNote("note-p", "Partner note", partnerClock, PARTNER_USER);                  // T0+10
        crmClock.advance(20);
        crm.addNote("note-c", "CRM note", crmClock, CRM_REP);                                   // T0+20
        exchange();
        // round 2: edits, comments and an attachment, interleaved in time
        partnerClock.advance(20);
        partner.editNote("note-p", "Partner note, edited", partnerClock, PARTNER_USER);         // T0+30
        partnerClock.advance(20);
        partner.addAttachment("note-c", file("att-1"), partnerClock, PARTNER_USER);            // T0+50
        crmClock.advance(20);
        crm.addComment("note-p", "comment-c", "CRM comment", crmClock, CRM_REP);               // T0+40
        crmClock.advance(20);
        crm.addComment("note-c", "comment-c2", "Another CRM comment", crmClock, CRM_REP);      // T0+60
        exchange();
        // round 3: deletions
        partnerClock.advance(20);
        partner.deleteComment("note-p", "comment-c", partnerClock, PARTNER_USER);              // T0+70
        crmClock.advance(30);
        crm.deleteAttachment("note-c", "att-1", crmClock, CRM_REP);                            // T0+90
        partnerClock.advance(30);
        partner.deleteNote("note-c", partnerClock, PARTNER_USER);                               // T0+100
        exchange();

        assertThat(partner.activity()).isEqualTo(crm.activity());
        assertThat(crm.activity()).extracting(ActivityEntry::type).containsExactly("REGISTERED", "NOTE_ADDED",
                "NOTE_ADDED", "NOTE_EDITED", "COMMENT_ADDED", "ATTACHMENT_ADDED", "COMMENT_ADDED",
                "COMMENT_DELETED", "ATTACHMENT_DELETED", "NOTE_DELETED");
        assertThat(crm.activity()).extracting(ActivityEntry::hlc).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(crm.activity()).filteredOn(e -> e.type().equals("ATTACHMENT_ADDED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.details()).containsEntry("fileName", "plan.pdf")
                            .containsEntry("attachmentId", "att-1").containsEntry("noteId", "note-c");
                    assertThat(e.actor()).isEqualTo(PARTNER_USER);
                    assertThat(e.origin()).isEqualTo(Origin.PARTNER);
                });

        for (SharedDeal replica : List.of(partner, crm)) {
            String side = replica.side().name();
            // the deleted note's and the deleted comment's texts are gone ...
            assertThat(replica.activity()).as(side).filteredOn(e -> "note-c".equals(e.details().get("noteId")))
                    .hasSize(5).allSatisfy(e -> assertThat(e.details()).doesNotContainKey("body"));
            assertThat(replica.activity()).as(side)
                    .filteredOn(e -> "comment-c".equals(e.details().get("commentId")))
                    .hasSize(2).allSatisfy(e -> assertThat(e.details()).doesNotContainKey("body"));
            // ... the live note's are not
            assertThat(replica.activity()).as(side)
                    .filteredOn(e -> "note-p".equals(e.details().get("noteId"))
                            && !e.details().containsKey("commentId"))
                    .extracting(e -> e.details().get("body"))
                    .containsExactly("Partner note", "Partner note, edited");
        }
    }

    @Test
    void deletedNoteAndCommentTextsLeaveTheSharedTabOnBothSides() {
        partner.addNote("note-1", "Secret plan", partnerClock, PARTNER_USER);
        exchange();
        partner.editNote("note-1", "Secret plan v2", partnerClock, PARTNER_USER);
        crm.addComment("note-1", "comment-1", "Secret remark", crmClock, CRM_REP);
        crm.addComment("note-1", "comment-2", "Harmless remark", crmClock, CRM_REP);
        exchange();

        crm.deleteComment("note-1", "comment-1", crmClock, CRM_REP);
        exchange();
        for (SharedDeal replica : List.of(partner, crm)) {
            assertThat(bodiesInActivity(replica)).as(replica.side().name())
                    .containsExactlyInAnyOrder("Secret plan", "Secret plan v2", "Harmless remark");
        }

        partner.deleteNote("note-1", partnerClock, PARTNER_USER);
        exchange();
        for (SharedDeal replica : List.of(partner, crm)) {
            assertThat(bodiesInActivity(replica)).as(replica.side().name()).isEmpty();
        }
        assertThat(partner.activity()).isEqualTo(crm.activity());
    }

    /** A late edit of a deleted note must not put the note's text back into the Shared tab (on either side). */
    @ParameterizedTest(name = "edit stamped after the delete: {0}")
    @ValueSource(booleans = {false, true})
    void deletedNoteTextLeavesTheSharedTabEvenAfterALateEdit(boolean editStampedAfterDelete) {
        partner.addNote("note-1", "Original text", partnerClock, PARTNER_USER);
        exchange();
        crmClock.advance(10);
        crm.deleteNote("note-1", crmClock, CRM_REP);
        partnerClock.advance(editStampedAfterDelete ? 20 : 5);
        partner.editNote("note-1", "Edited meanwhile", partnerClock, PARTNER_USER);
        exchange();

        assertThat(bodiesInActivity(partner)).as("PARTNER").isEmpty();
        assertThat(bodiesInActivity(crm)).as("CRM").isEmpty();
        assertThat(partner.activity()).isEqualTo(crm.activity());
    }

    /** A late comment on a deleted note must not put its text into the Shared tab (on either side). */
    @Test
    void deletedNoteTextLeavesTheSharedTabEvenAfterALateComment() {
        partner.addNote("note-1", "Original text", partnerClock, PARTNER_USER);
        exchange();
        crm.deleteNote("note-1", crmClock, CRM_REP);
        partner.addComment("note-1", "comment-1", "Commented meanwhile", partnerClock, PARTNER_USER);
        exchange();

        assertThat(bodiesInActivity(partner)).as("PARTNER").isEmpty();
        assertThat(bodiesInActivity(crm)).as("CRM").isEmpty();
        assertThat(partner.activity()).isEqualTo(crm.activity());
    }

    // ---- order of lists -------------------------------------------------------------------------------------

    /** {@code notes()} is documented "oldest first"; concurrent notes must not be listed by arrival order. */
    @Test
    void notesAreListedOldestFirstOnBothSides() {
        partner.addNote("note-p", "Older", partnerClock, PARTNER_USER);   // T0
        crmClock.advance(5);
        crm.addNote("note-c", "Newer", crmClock, CRM_REP);                // T0+5
        exchange();

        assertThat(partner.notes()).extracting(SharedNote::id).as("PARTNER").containsExactly("note-p", "note-c");
        assertThat(crm.notes()).extracting(SharedNote::id).as("CRM").containsExactly("note-p", "note-c");
    }

    /** Comments and attachments of one note, made concurrently on both sides, are listed alike on both sides. */
    @Test
    void commentsAndAttachmentsAreListedInTheSameOrderOnBothSides() {
        partner.addNote("note-1", "Text", partnerClock, PARTNER_USER);
        exchange();
        partner.addComment("note-1", "comment-p", "Older", partnerClock, PARTNER_USER);
        partner.addAttachment("note-1", file("att-p"), partnerClock, PARTNER_USER);
        crmClock.advance(5);
        crm.addComment("note-1", "comment-c", "Newer", crmClock, CRM_REP);
        crm.addAttachment("note-1", file("att-c"), crmClock, CRM_REP);
        exchange();

        for (SharedDeal replica : List.of(partner, crm)) {
            SharedNote note = replica.note("note-1").orElseThrow();
            assertThat(note.comments()).as(replica.side() + " comments").extracting(NoteComment::id)
                    .containsExactly("comment-p", "comment-c");
            assertThat(note.attachments()).as(replica.side() + " attachments").extracting(NoteAttachment::id)
                    .containsExactly("att-p", "att-c");
        }
    }

    // ---- resync ------------------------------------------------------------------------------------------------

    /** Found by ConvergenceProperties: the times came from the stamps' HLC readings, which may run ahead. */
    @Test
    void aSnapshotCarriesTheTimesNotesCommentsAndAttachmentsWereWrittenAtWhenTheClockRunsAhead() {
        crmClock.advance(50); // the CRM's wall clock is ahead of the partner's
        crm.changeStage(Stage.QUALIFIED_TO_BUY, SyncPolicy.defaults(), crmClock, CRM_REP);
        exchange(); // so the partner's HLC now reads ahead of its wall clock
        partner.addNote("note-1", "v1", partnerClock, PARTNER_USER);
        partnerClock.advance(5);
        partner.editNote("note-1", "v2", partnerClock, PARTNER_USER);
        partner.addComment("note-1", "comment-1", "Looks good", partnerClock, PARTNER_USER);
        partner.addAttachment("note-1", file("att-1"), partnerClock, PARTNER_USER);
        partner.drainRecordedEvents(); // not delivered (yet): the snapshot covers them
        partner.publishSnapshot(partnerClock, PARTNER_USER);
        deliver(partner.drainRecordedEvents(), crm, crmClock);

        SharedNote sent = partner.note("note-1").orElseThrow();
        SharedNote received = crm.note("note-1").orElseThrow();
        assertThat(sent.createdStamp().hlc().wallMillis()).as("the stamp runs ahead").isEqualTo(T0 + 50);
        assertThat(received.createdAt()).isEqualTo(sent.createdAt()).isEqualTo(Instant.ofEpochMilli(T0));
        assertThat(received.editedAt()).isEqualTo(sent.editedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 5));
        assertThat(received.comment("comment-1").orElseThrow().createdAt())
                .isEqualTo(sent.comment("comment-1").orElseThrow().createdAt())
                .isEqualTo(Instant.ofEpochMilli(T0 + 5));
        assertThat(received.attachment("att-1").orElseThrow().createdAt())
                .isEqualTo(sent.attachment("att-1").orElseThrow().createdAt())
                .isEqualTo(Instant.ofEpochMilli(T0 + 5));
        assertThat(received.state()).isEqualTo(sent.state());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Ships what each side recorded since the last exchange to the other: each side applies its own first. */
    private void exchange() {
        List<SharedDealEvent> fromPartner = partner.drainRecordedEvents();
        List<SharedDealEvent> fromCrm = crm.drainRecordedEvents();
        deliver(fromCrm, partner, partnerClock);
        deliver(fromPartner, crm, crmClock);
    }

    private static void deliver(List<SharedDealEvent> events, SharedDeal to, SyncClock clock) {
        for (SharedDealEvent event : events) {
            assertThat(to.apply(event, clock)).as(event.type() + " on " + to.side()).isEqualTo(ApplyOutcome.APPLIED);
        }
    }

    private EventHeader header(Origin origin, long sequence, Hlc hlc, Actor actor) {
        return new EventHeader(UUID.randomUUID().toString(), id.value(), "partner-1", origin, sequence, hlc,
                Instant.ofEpochMilli(hlc.wallMillis()), actor);
    }

    private static StoredFile file(String attachmentId) {
        return new StoredFile(attachmentId, "plan.pdf", "application/pdf", 300_000, SHA256, 262_144, 2);
    }

    private static List<Object> bodiesInActivity(SharedDeal deal) {
        List<Object> bodies = new ArrayList<>();
        deal.activity().stream().filter(e -> e.details().containsKey("body"))
                .forEach(e -> bodies.add(e.details().get("body")));
        return bodies;
    }

    /** A note as the replica stores it, tombstone or not (the public accessors hide deleted notes). */
    private static SharedNote storedNote(SharedDeal deal, String noteId) {
        return storedNotes(deal).stream().filter(note -> note.id().equals(noteId)).findFirst()
                .orElseThrow(() -> new AssertionError(deal.side() + " keeps no note or tombstone " + noteId));
    }

    private static List<SharedNote> storedNotes(SharedDeal deal) {
        return deal.allNotes();
    }

}
