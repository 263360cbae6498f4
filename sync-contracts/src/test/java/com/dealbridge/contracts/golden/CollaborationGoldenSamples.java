package com.dealbridge.contracts.golden;

import static com.dealbridge.contracts.golden.GoldenSampleFactory.MARCUS;
import static com.dealbridge.contracts.golden.GoldenSampleFactory.PRIYA;
import static com.dealbridge.contracts.golden.GoldenSampleFactory.metadata;

import com.dealbridge.contracts.avro.Actor;
import com.dealbridge.contracts.avro.ActorType;
import com.dealbridge.contracts.avro.AttachmentAdded;
import com.dealbridge.contracts.avro.AttachmentChunk;
import com.dealbridge.contracts.avro.AttachmentDeleted;
import com.dealbridge.contracts.avro.NoteCommentAdded;
import com.dealbridge.contracts.avro.NoteCommentDeleted;
import com.dealbridge.contracts.avro.Origin;
import com.dealbridge.contracts.avro.SharedNoteAdded;
import com.dealbridge.contracts.avro.SharedNoteDeleted;
import com.dealbridge.contracts.avro.SharedNoteEdited;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

/** Golden samples of the collaboration events: shared notes, comments and attachments. */
final class CollaborationGoldenSamples {

    static final String NOTE_ID = "b4d6f8a0-2c3e-4f5a-9b1c-3d5e7f9a1b24";
    static final String COMMENT_ID = "c5e7a9b1-3d4f-4a6b-8c2d-4e6f8a0b2c35";
    static final String ATTACHMENT_ID = "d6f8b0c2-4e5a-4b7c-9d3e-5f7a9b1c3d46";
    /** The sample attachment: a tiny text file, so the chunk's bytes stay readable in the JSON sample. */
    static final byte[] FILE = "Agenda: demo on Tuesday, pricing on Thursday.\n".getBytes(StandardCharsets.UTF_8);
    static final String FILE_SHA256 = "8e57844bfb92621b29cd6e6e3a60a583d07cfdd9aba400a6c2b1b31f62c4eaf4";

    static final Map<Class<? extends SpecificRecord>, Supplier<SpecificRecord>> SAMPLES = Map.of(
            SharedNoteAdded.class, CollaborationGoldenSamples::sharedNoteAdded,
            SharedNoteEdited.class, CollaborationGoldenSamples::sharedNoteEdited,
            SharedNoteDeleted.class, CollaborationGoldenSamples::sharedNoteDeleted,
            NoteCommentAdded.class, CollaborationGoldenSamples::noteCommentAdded,
            NoteCommentDeleted.class, CollaborationGoldenSamples::noteCommentDeleted,
            AttachmentAdded.class, CollaborationGoldenSamples::attachmentAdded,
            AttachmentChunk.class, CollaborationGoldenSamples::attachmentChunk,
            AttachmentDeleted.class, CollaborationGoldenSamples::attachmentDeleted);

    private static final Actor PRIYA_ACTOR = new Actor(ActorType.PARTNER_USER, PRIYA.getId(), PRIYA.getName());
    private static final Actor MARCUS_ACTOR = new Actor(ActorType.CRM_USER, MARCUS.getId(), MARCUS.getName());

    private CollaborationGoldenSamples() {
    }

    static SharedNoteAdded sharedNoteAdded() {
        return SharedNoteAdded.newBuilder()
                .setMetadata(metadata("6c7d8e9f-0a1b-4c2d-8e3f-5a6b7c8d9e07", Origin.PARTNER, 5,
                        Instant.parse("2026-12-01T10:00:00.000Z"), 0, PRIYA_ACTOR))
                .setNoteId(NOTE_ID)
                .setBody("The customer wants a demo of the SSO module before the budget meeting.")
                .build();
    }

    static SharedNoteEdited sharedNoteEdited() {
        return SharedNoteEdited.newBuilder()
                .setMetadata(metadata("7d8e9f0a-1b2c-4d3e-9f4a-6b7c8d9e0f18", Origin.PARTNER, 6,
                        Instant.parse("2026-12-01T10:05:12.345Z"), 0, PRIYA_ACTOR))
                .setNoteId(NOTE_ID)
                .setBody("The customer wants a demo of the SSO module before the budget meeting on Friday.")
                .build();
    }

    static SharedNoteDeleted sharedNoteDeleted() {
        return SharedNoteDeleted.newBuilder()
                .setMetadata(metadata("8e9f0a1b-2c3d-4e4f-8a5b-7c8d9e0f1a29", Origin.CRM, 8,
                        Instant.parse("2026-12-03T17:30:00.000Z"), 0, MARCUS_ACTOR))
                .setNoteId(NOTE_ID)
                .build();
    }

    static NoteCommentAdded noteCommentAdded() {
        return NoteCommentAdded.newBuilder()
                .setMetadata(metadata("9f0a1b2c-3d4e-4f5a-9b6c-8d9e0f1a2b3a", Origin.CRM, 5,
                        Instant.parse("2026-12-01T11:15:40.002Z"), 1, MARCUS_ACTOR))
                .setNoteId(NOTE_ID)
                .setCommentId(COMMENT_ID)
                .setBody("Booked: Tuesday 10:00, I will bring our SSO specialist.")
                .build();
    }

    static NoteCommentDeleted noteCommentDeleted() {
        return NoteCommentDeleted.newBuilder()
                .setMetadata(metadata("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4b", Origin.PARTNER, 9,
                        Instant.parse("2026-12-02T08:00:00.500Z"), 0, PRIYA_ACTOR))
                .setNoteId(NOTE_ID)
                .setCommentId(COMMENT_ID)
                .build();
    }

    static AttachmentAdded attachmentAdded() {
        return AttachmentAdded.newBuilder()
                .setMetadata(metadata("1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5c", Origin.PARTNER, 7,
                        Instant.parse("2026-12-01T10:06:00.000Z"), 0, PRIYA_ACTOR))
                .setNoteId(NOTE_ID)
                .setAttachmentId(ATTACHMENT_ID)
                .setFileName("agenda.txt")
                .setContentType("text/plain")
                .setSize(FILE.length)
                .setSha256(FILE_SHA256)
                .setChunkSize(262_144)
                .setChunkCount(1)
                .build();
    }

    static AttachmentChunk attachmentChunk() {
        return AttachmentChunk.newBuilder()
                .setMetadata(metadata("2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6d", Origin.PARTNER, 7,
                        Instant.parse("2026-12-01T10:06:00.000Z"), 0, PRIYA_ACTOR))
                .setNoteId(NOTE_ID)
                .setAttachmentId(ATTACHMENT_ID)
                .setIndex(0)
                .setChunkCount(1)
                .setOffset(0)
                .setData(ByteBuffer.wrap(FILE))
                .build();
    }

    static AttachmentDeleted attachmentDeleted() {
        return AttachmentDeleted.newBuilder()
                .setMetadata(metadata("3d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f7e", Origin.CRM, 6,
                        Instant.parse("2026-12-02T09:45:10.100Z"), 0, MARCUS_ACTOR))
                .setNoteId(NOTE_ID)
                .setAttachmentId(ATTACHMENT_ID)
                .build();
    }
}
