package com.dealbridge.shareddeal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.AttachmentAdded;
import com.dealbridge.shareddeal.domain.AttachmentChunk;
import com.dealbridge.shareddeal.domain.AttachmentDeleted;
import com.dealbridge.shareddeal.domain.EventHeader;
import com.dealbridge.shareddeal.domain.NoteCommentAdded;
import com.dealbridge.shareddeal.domain.NoteCommentDeleted;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedNoteAdded;
import com.dealbridge.shareddeal.domain.SharedNoteDeleted;
import com.dealbridge.shareddeal.domain.SharedNoteEdited;
import com.dealbridge.sync.clock.Hlc;
import com.dealbridge.sync.inbox.InvalidEventException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The wire mapping of shared notes, comments and attachments: what one side writes, the other reads back. */
class CollaborationCodecTest {

    private static final String DEAL = UUID.randomUUID().toString();
    private static final String NOTE = UUID.randomUUID().toString();
    private static final String COMMENT = UUID.randomUUID().toString();
    private static final String ATTACHMENT = UUID.randomUUID().toString();
    private static final String SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final int MAX_CHUNK = 262_144;

    private final EventCodec codec = new EventCodec();

    // ---- round trips ------------------------------------------------------------------------------------------

    @Test
    void sharedNoteAddedRoundTrips() {
        roundTripsUnchanged(new SharedNoteAdded(header(Origin.PARTNER, 2), NOTE,
                "Customer wants SSO — ünïcode ✓"));
    }

    @Test
    void sharedNoteEditedRoundTrips() {
        roundTripsUnchanged(new SharedNoteEdited(header(Origin.PARTNER, 3), NOTE, "Edited\nwith a second line"));
    }

    @Test
    void sharedNoteDeletedRoundTrips() {
        roundTripsUnchanged(new SharedNoteDeleted(header(Origin.CRM, 4), NOTE));
    }

    @Test
    void noteCommentAddedRoundTrips() {
        roundTripsUnchanged(new NoteCommentAdded(header(Origin.CRM, 5), NOTE, COMMENT, "Looks good"));
    }

    @Test
    void noteCommentDeletedRoundTrips() {
        roundTripsUnchanged(new NoteCommentDeleted(header(Origin.PARTNER, 6), NOTE, COMMENT));
    }

    @Test
    void attachmentAddedRoundTrips() {
        roundTripsUnchanged(attachmentAdded(300_000, MAX_CHUNK, 2, SHA256));
        roundTripsUnchanged(attachmentAdded(0, MAX_CHUNK, 0, SHA256)); // an empty file has no chunks
        roundTripsUnchanged(attachmentAdded(MAX_CHUNK, MAX_CHUNK, 1, SHA256));
        roundTripsUnchanged(attachmentAdded(MAX_CHUNK + 1, MAX_CHUNK, 2, SHA256));
    }

    @Test
    void attachmentDeletedRoundTrips() {
        roundTripsUnchanged(new AttachmentDeleted(header(Origin.CRM, 8), NOTE, ATTACHMENT));
    }

    @Test
    void attachmentChunkRoundTripsWithItsBytes() {
        byte[] data = new byte[MAX_CHUNK];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        AttachmentChunk sent = new AttachmentChunk(header(Origin.PARTNER, 7), NOTE, ATTACHMENT, 1, 2, MAX_CHUNK,
                data);

        SharedDealEvent received = roundTrip(sent);

        assertThat(received).isInstanceOf(AttachmentChunk.class);
        AttachmentChunk chunk = (AttachmentChunk) received;
        assertThat(chunk.header()).isEqualTo(sent.header());
        assertThat(chunk.noteId()).isEqualTo(NOTE);
        assertThat(chunk.attachmentId()).isEqualTo(ATTACHMENT);
        assertThat(chunk.index()).isEqualTo(1);
        assertThat(chunk.chunkCount()).isEqualTo(2);
        assertThat(chunk.offset()).isEqualTo(MAX_CHUNK);
        assertThat(chunk.data()).isEqualTo(data);
        assertThat(chunk.type()).isEqualTo("AttachmentChunk");
    }

    @Test
    void theLastChunkMayBeShorter() {
        AttachmentChunk last = new AttachmentChunk(header(Origin.CRM, 7), NOTE, ATTACHMENT, 1, 2, MAX_CHUNK,
                new byte[] {1, 2, 3});

        assertThat(((AttachmentChunk) roundTrip(last)).data()).containsExactly(1, 2, 3);
    }

    // ---- refusals: AttachmentAdded ----------------------------------------------------------------------------

    static Stream<Arguments> chunkCountsThatDoNotFit() {
        return Stream.of(
                Arguments.of(1_000L, MAX_CHUNK, 2),          // one chunk carries it
                Arguments.of(300_000L, MAX_CHUNK, 1),        // one chunk is too few
                Arguments.of(300_000L, MAX_CHUNK, 3),        // one chunk too many
                Arguments.of(1L, MAX_CHUNK, 0),              // a non-empty file has chunks
                Arguments.of(0L, MAX_CHUNK, 1),              // an empty file has none
                Arguments.of(MAX_CHUNK + 1L, MAX_CHUNK, 1),
                Arguments.of(-1L, MAX_CHUNK, 0),             // negative size
                Arguments.of(20L * 1024 * 1024, 1024, -1));  // negative count
    }

    @ParameterizedTest(name = "size {0} in chunks of {1}: {2} chunks")
    @MethodSource("chunkCountsThatDoNotFit")
    void attachmentAddedWhoseChunkCountDoesNotFitItsSizeIsRefused(long size, int chunkSize, int chunkCount) {
        refused(attachmentAdded(size, chunkSize, chunkCount, SHA256));
    }

    @ParameterizedTest(name = "chunk size {0}")
    @ValueSource(ints = {MAX_CHUNK + 1, 1 << 20, 0, -1})
    void attachmentAddedWithAChunkSizeOutOfRangeIsRefused(int chunkSize) {
        // the count fits the size, so only the chunk size is wrong
        long size = 3L * MAX_CHUNK;
        int count = chunkSize > 0 ? (int) ((size + chunkSize - 1) / chunkSize) : 1;

        refused(attachmentAdded(size, chunkSize, count, SHA256));
    }

    @ParameterizedTest(name = "sha256 \"{0}\"")
    @ValueSource(strings = {
        "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", // upper case
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",  // 63 digits
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8550", // 65 digits
        "g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", // not hex
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85\n",
        ""})
    void attachmentAddedWhoseSha256IsNot64LowerCaseHexDigitsIsRefused(String sha256) {
        refused(attachmentAdded(300_000, MAX_CHUNK, 2, sha256));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "a\\b.png", "evil\r\nX-Injected: 1.png", "quote\".png", " ", ""})
    void attachmentAddedWithAnUnsafeFileNameIsRefused(String fileName) {
        refused(new AttachmentAdded(header(Origin.PARTNER, 7), NOTE, ATTACHMENT, fileName, "image/png", 10,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MAX_CHUNK, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/png\r\nSet-Cookie: a=b", "png", "image/png; charset=x", "IMAGE/PNG", ""})
    void attachmentAddedWithSomethingElseThanAMediaTypeIsRefused(String contentType) {
        refused(new AttachmentAdded(header(Origin.PARTNER, 7), NOTE, ATTACHMENT, "plan.png", contentType, 10,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MAX_CHUNK, 1));
    }

    // ---- refusals: AttachmentChunk ----------------------------------------------------------------------------

    @Test
    void chunkLargerThan256KiBIsRefused() {
        AttachmentChunk chunk = new AttachmentChunk(header(Origin.PARTNER, 7), NOTE, ATTACHMENT, 0, 2, 0,
                new byte[MAX_CHUNK + 1]);

        refused(chunk);
    }

    @Test
    void chunkOfExactly256KiBIsAccepted() {
        AttachmentChunk chunk = new AttachmentChunk(header(Origin.PARTNER, 7), NOTE, ATTACHMENT, 0, 2, 0,
                new byte[MAX_CHUNK]);

        assertThatCode(() -> roundTrip(chunk)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "index {0} of 3")
    @ValueSource(ints = {3, 4, Integer.MAX_VALUE, -1})
    void chunkIndexOutsideItsChunkCountIsRefused(int index) {
        AttachmentChunk chunk = new AttachmentChunk(header(Origin.PARTNER, 7), NOTE, ATTACHMENT, index, 3, 0,
                new byte[] {1});

        refused(chunk);
    }

    @Test
    void chunkWithANegativeOffsetIsRefused() {
        refused(new AttachmentChunk(header(Origin.PARTNER, 7), NOTE, ATTACHMENT, 0, 1, -1, new byte[] {1}));
    }

    // ---- refusals: ids ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "id \"{0}\"")
    @ValueSource(strings = {"..", "../etc", "a/b", "/abs", "a\\b", "x/../y", "note 1", ""})
    void idsThatCouldEscapeAPathAreRefusedInEveryCollaborationEvent(String bad) {
        for (SharedDealEvent event : eventsWithId(bad)) {
            assertThatThrownBy(() -> roundTrip(event)).as(event.type() + " with id '" + bad + "'")
                    .isInstanceOf(InvalidEventException.class);
        }
    }

    /** Every collaboration event, with {@code bad} in each of its ids in turn. */
    private List<SharedDealEvent> eventsWithId(String bad) {
        EventHeader h = header(Origin.PARTNER, 9);
        return List.of(
                new SharedNoteAdded(h, bad, "body"),
                new SharedNoteEdited(h, bad, "body"),
                new SharedNoteDeleted(h, bad),
                new NoteCommentAdded(h, bad, COMMENT, "body"),
                new NoteCommentAdded(h, NOTE, bad, "body"),
                new NoteCommentDeleted(h, bad, COMMENT),
                new NoteCommentDeleted(h, NOTE, bad),
                new AttachmentAdded(h, bad, ATTACHMENT, "plan.pdf", "application/pdf", 10, SHA256, MAX_CHUNK, 1),
                new AttachmentAdded(h, NOTE, bad, "plan.pdf", "application/pdf", 10, SHA256, MAX_CHUNK, 1),
                new AttachmentChunk(h, bad, ATTACHMENT, 0, 1, 0, new byte[] {1}),
                new AttachmentChunk(h, NOTE, bad, 0, 1, 0, new byte[] {1}),
                new AttachmentDeleted(h, bad, ATTACHMENT),
                new AttachmentDeleted(h, NOTE, bad));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private SharedDealEvent roundTrip(SharedDealEvent event) {
        byte[] bytes = codec.encode(event);
        return codec.toDomain(AvroCodec.decode(bytes));
    }

    private void roundTripsUnchanged(SharedDealEvent event) {
        SharedDealEvent received = roundTrip(event);

        assertThat(received).as(event.type()).isEqualTo(event);
        assertThat(received.type()).isEqualTo(event.type());
        assertThat(codec.encode(received)).as("re-encoding " + event.type() + " gives the same bytes")
                .isEqualTo(codec.encode(event));
    }

    private void refused(SharedDealEvent event) {
        byte[] bytes = codec.encode(event); // the sender does not check: the receiver must
        assertThatThrownBy(() -> codec.toDomain(AvroCodec.decode(bytes))).as(describe(event))
                .isInstanceOf(InvalidEventException.class);
    }

    private static String describe(SharedDealEvent event) {
        if (event instanceof AttachmentChunk chunk) {
            return "chunk #" + chunk.index() + "/" + chunk.chunkCount() + " of " + chunk.data().length + " bytes";
        }
        return event.toString();
    }

    private static AttachmentAdded attachmentAdded(long size, int chunkSize, int chunkCount, String sha256) {
        return new AttachmentAdded(header(Origin.PARTNER, 7), NOTE, ATTACHMENT, "Q3 plan (final).pdf",
                "application/pdf", size, sha256, chunkSize, chunkCount);
    }

    private static EventHeader header(Origin origin, long sequence) {
        Actor actor = origin == Origin.PARTNER ? new Actor(ActorType.PARTNER_USER, "pu-1", "Paula Partner")
                : new Actor(ActorType.CRM_USER, "rep-1", "Rita Rep");
        return new EventHeader(UUID.randomUUID().toString(), DEAL, "partner-1", origin, sequence,
                new Hlc(1_700_000_000_123L, 4), Instant.ofEpochMilli(1_700_000_000_123L), actor);
    }
}
