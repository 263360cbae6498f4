package com.dealbridge.shareddeal.it;

import static com.dealbridge.shareddeal.domain.Fixtures.CRM_REP;
import static com.dealbridge.shareddeal.domain.Fixtures.PARTNER_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.shareddeal.domain.ActivityEntry;
import com.dealbridge.shareddeal.domain.AttachmentAdded;
import com.dealbridge.shareddeal.domain.AttachmentChunk;
import com.dealbridge.shareddeal.domain.AttachmentDeleted;
import com.dealbridge.shareddeal.domain.AttachmentStatus;
import com.dealbridge.shareddeal.domain.EventHeader;
import com.dealbridge.shareddeal.domain.Fixtures;
import com.dealbridge.shareddeal.domain.NoteAttachment;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SharedDeal;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.StoredFile;
import com.dealbridge.shareddeal.store.SharedDeals;
import com.dealbridge.shareddeal.wire.EventCodec;
import com.dealbridge.sync.blob.BlobStore;
import com.dealbridge.sync.blob.BlobTooLargeException;
import com.dealbridge.sync.clock.ManualClock;
import com.dealbridge.sync.deadletter.DeadLetter;
import com.dealbridge.sync.log.ChangeLog;
import com.mongodb.client.model.Filters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Attachment transfers on the PARTNER side against a real (embedded KRaft) broker and the embedded MongoDB server:
 * what the relay puts on the wire for a local upload, and how the receiving store keeps, assembles, verifies and
 * forgets the chunks the CRM (played by plain Kafka clients) sends.
 */
@SpringBootTest(classes = EngineTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "dealbridge.sync.side=PARTNER",
                "dealbridge.sync.relay.sweep-interval=300ms",
                "dealbridge.sync.inbox.retries=1",
                "dealbridge.sync.inbox.initial-backoff=50ms",
                "dealbridge.mongodb.embedded.enabled=true",
                "dealbridge.security.admin-token=engine-test-admin",
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka(partitions = 1)
class AttachmentTransferIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int MAX_CHUNK = 256 * 1024;
    private static final long MAX_FILE = 20L * 1024 * 1024;
    private static final String STAGED = "attachment_chunks";
    private static final String GRIDFS_FILES = "attachments.files";
    private static final String GRIDFS_CHUNKS = "attachments.chunks";

    @Autowired
    SharedDeals sharedDeals;
    @Autowired
    ChangeLog changeLog;
    @Autowired
    MongoOperations mongo;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private OtherSide crm;
    private final EventCodec codec = new EventCodec();
    private final ManualClock crmClock = new ManualClock(System.currentTimeMillis());
    /** Everything the other side has read so far, from both topics, in arrival order. */
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    @BeforeEach
    void connectTheOtherSide() {
        crm = new OtherSide(brokers, Topics.PARTNER_SHARED_DEAL_EVENTS, Topics.deadLetter(Topics.CRM_SHARED_DEAL_EVENTS));
    }

    @AfterEach
    void disconnect() {
        crm.close();
    }

    // ---- sending: a local upload on the wire ----------------------------------------------------------------

    @Test
    void publishesAnAttachmentAsItsAnnouncementFollowedByOrderedChunksOfAtMost256KiB() {
        SharedDealId id = SharedDealId.random();
        registerHere(id);
        String noteId = localNote(id);
        byte[] bytes = randomBytes(1_300_000, 1);
        StoredFile stored = storeLocally("contract.pdf", bytes);
        assertThat(stored.chunkCount()).isEqualTo(5);
        assertThat(stored.sha256()).isEqualTo(sha256(bytes));

        sharedDeals.change(id, (document, clock) -> document.deal().addAttachment(noteId, stored, clock,
                PARTNER_USER));

        List<ConsumerRecord<String, byte[]>> published = awaitPublished(id, records -> records.stream()
                .filter(r -> "AttachmentChunk".equals(typeOf(r))).count() >= stored.chunkCount());
        int at = indexOfType(published, "AttachmentAdded");
        assertThat(at).as("the announcement is published").isNotNegative();
        AttachmentAdded added = (AttachmentAdded) crm.decode(published.get(at));
        assertThat(added.attachmentId()).isEqualTo(stored.attachmentId());
        assertThat(added.size()).isEqualTo(bytes.length);
        assertThat(added.sha256()).isEqualTo(sha256(bytes));
        assertThat(added.chunkSize()).isLessThanOrEqualTo(MAX_CHUNK);
        assertThat(added.chunkCount()).isEqualTo(5);

        List<ConsumerRecord<String, byte[]>> following = published.subList(at + 1, at + 1 + added.chunkCount());
        ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
        List<String> chunkEventIds = new ArrayList<>();
        for (int index = 0; index < following.size(); index++) {
            ConsumerRecord<String, byte[]> record = following.get(index);
            assertThat(record.key()).isEqualTo(id.value());
            assertThat(record.partition()).isEqualTo(published.get(at).partition());
            assertThat(typeOf(record)).isEqualTo("AttachmentChunk");
            AttachmentChunk chunk = (AttachmentChunk) crm.decode(record);
            assertThat(chunk.attachmentId()).isEqualTo(added.attachmentId());
            assertThat(chunk.noteId()).isEqualTo(noteId);
            assertThat(chunk.index()).isEqualTo(index);
            assertThat(chunk.chunkCount()).isEqualTo(added.chunkCount());
            assertThat(chunk.offset()).isEqualTo((long) index * added.chunkSize());
            assertThat(chunk.data().length).isPositive().isLessThanOrEqualTo(MAX_CHUNK);
            assertThat(chunk.header().sequence()).isEqualTo(added.header().sequence());
            assertThat(chunk.header().origin()).isEqualTo(Origin.PARTNER);
            chunkEventIds.add(chunk.header().eventId());
            concatenated.writeBytes(chunk.data());
        }
        assertThat(chunkEventIds).doesNotHaveDuplicates().doesNotContain(added.header().eventId());
        assertThat(sha256(concatenated.toByteArray())).isEqualTo(added.sha256());
        assertThat(concatenated.toByteArray()).isEqualTo(bytes);
        assertThat(attachment(id, stored.attachmentId())).map(NoteAttachment::status)
                .contains(AttachmentStatus.AVAILABLE);
        await().atMost(WAIT).until(() -> sharedDeals.find(id).orElseThrow().inSync());
    }

    @Test
    void aDeletedLocalAttachmentLosesItsStoredFile() throws IOException {
        SharedDealId id = SharedDealId.random();
        registerHere(id);
        String noteId = localNote(id);
        byte[] bytes = randomBytes(600_000, 2);
        StoredFile stored = storeLocally("offer.pdf", bytes);
        sharedDeals.change(id, (document, clock) -> document.deal().addAttachment(noteId, stored, clock,
                PARTNER_USER));
        assertThat(storedBytes(stored.attachmentId())).hasValueSatisfying(kept -> assertThat(kept).isEqualTo(bytes));

        sharedDeals.change(id, (document, clock) -> document.deal().deleteAttachment(noteId,
                stored.attachmentId(), clock, PARTNER_USER));

        assertThat(sharedDeals.files().open(stored.attachmentId())).as("no stored file once the delete is saved")
                .isEmpty();
        assertThat(gridFsDocuments(stored.attachmentId())).isZero();
        NoteAttachment attachment = attachment(id, stored.attachmentId()).orElseThrow();
        assertThat(attachment.deleted()).isTrue();
        assertThat(attachment.purged()).isTrue();
        assertThat(deal(id).note(noteId).orElseThrow().attachments()).isEmpty();

        List<ConsumerRecord<String, byte[]>> published = awaitPublished(id,
                records -> indexOfType(records, "AttachmentDeleted") >= 0);
        int addedAt = indexOfType(published, "AttachmentAdded");
        int deletedAt = indexOfType(published, "AttachmentDeleted");
        assertThat(addedAt).isNotNegative().isLessThan(deletedAt);
        AttachmentAdded added = (AttachmentAdded) crm.decode(published.get(addedAt));
        AttachmentDeleted deleted = (AttachmentDeleted) crm.decode(published.get(deletedAt));
        assertThat(deleted.attachmentId()).isEqualTo(stored.attachmentId());
        assertThat(deleted.noteId()).isEqualTo(noteId);
        assertThat(deleted.header().sequence()).isEqualTo(added.header().sequence() + 1);
        // the relay may or may not have streamed (some of) the bytes before the file went: whatever it sent are
        // chunks of this attachment, between its announcement and its deletion
        assertThat(published.subList(addedAt + 1, deletedAt)).allSatisfy(record -> {
            assertThat(typeOf(record)).isIn("AttachmentChunk", "AttachmentAdded");
        });
        await().atMost(WAIT).until(() -> sharedDeals.find(id).orElseThrow().inSync());
        assertThat(sharedDeals.files().open(stored.attachmentId())).isEmpty();
    }

    @Test
    void deletingANoteRemovesTheStoredFilesOfItsAttachments() {
        SharedDealId id = SharedDealId.random();
        registerHere(id);
        String noteId = localNote(id);
        StoredFile first = storeLocally("a.pdf", randomBytes(10_000, 3));
        StoredFile second = storeLocally("b.pdf", randomBytes(270_000, 4));
        sharedDeals.change(id, (document, clock) -> {
            document.deal().addAttachment(noteId, first, clock, PARTNER_USER);
            document.deal().addAttachment(noteId, second, clock, PARTNER_USER);
        });

        sharedDeals.change(id, (document, clock) -> document.deal().deleteNote(noteId, clock, PARTNER_USER));

        assertThat(sharedDeals.files().open(first.attachmentId())).isEmpty();
        assertThat(sharedDeals.files().open(second.attachmentId())).isEmpty();
        assertThat(gridFsDocuments(first.attachmentId()) + gridFsDocuments(second.attachmentId())).isZero();
        assertThat(attachment(id, second.attachmentId())).hasValueSatisfying(a -> {
            assertThat(a.deleted()).isTrue();
            assertThat(a.purged()).isTrue();
        });
        awaitPublished(id, records -> indexOfType(records, "SharedNoteDeleted") >= 0);
    }

    @Test
    void anEmptyFileIsAnnouncedWithoutAnyChunk() throws IOException {
        SharedDealId id = SharedDealId.random();
        registerHere(id);
        String noteId = localNote(id);
        StoredFile empty = storeLocally("empty.txt", new byte[0]);
        assertThat(empty.size()).isZero();
        assertThat(empty.chunkCount()).isZero();

        sharedDeals.change(id, (document, clock) -> {
            document.deal().addAttachment(noteId, empty, clock, PARTNER_USER);
            document.deal().addComment(noteId, UUID.randomUUID().toString(), "Placeholder", clock, PARTNER_USER);
        });

        List<ConsumerRecord<String, byte[]>> published = awaitPublished(id,
                records -> indexOfType(records, "NoteCommentAdded") >= 0);
        int addedAt = indexOfType(published, "AttachmentAdded");
        assertThat(indexOfType(published, "NoteCommentAdded")).as("nothing between the announcement and the"
                + " next event").isEqualTo(addedAt + 1);
        AttachmentAdded added = (AttachmentAdded) crm.decode(published.get(addedAt));
        assertThat(added.size()).isZero();
        assertThat(added.chunkCount()).isZero();
        assertThat(added.sha256()).isEqualTo(sha256(new byte[0]));
        assertThat(storedBytes(empty.attachmentId())).hasValueSatisfying(kept -> assertThat(kept).isEmpty());
    }

    @Test
    void anUploadOverTheLimitKeepsNothing() {
        String attachmentId = UUID.randomUUID().toString();
        byte[] bytes = randomBytes(700_000, 10);

        assertThatThrownBy(() -> sharedDeals.files().store(attachmentId, "huge.pdf", "application/pdf",
                new ByteArrayInputStream(bytes), 600_000)).isInstanceOf(BlobTooLargeException.class);

        assertThat(sharedDeals.files().open(attachmentId)).isEmpty();
        assertThat(gridFsDocuments(attachmentId)).as("not even the chunks written before the limit was hit")
                .isZero();
    }

    // ---- receiving: the CRM's uploads ---------------------------------------------------------------------

    @Test
    void assemblesAndVerifiesReceivedChunksIdempotently() throws IOException {
        SharedDealId id = SharedDealId.random();
        SharedDeal crmReplica = crmReplicaOf(id);
        String noteId = crmNote(crmReplica);
        byte[] bytes = randomBytes(700_000, 5);
        StoredFile file = storedFile("quote.pdf", bytes);
        crmReplica.addAttachment(noteId, file, crmClock, CRM_REP);
        List<SharedDealEvent> events = crmReplica.drainRecordedEvents();
        AttachmentAdded added = (AttachmentAdded) events.get(1);
        List<AttachmentChunk> chunks = chunksOf(added, bytes);
        assertThat(chunks).hasSize(3);

        sendAll(events.get(0), added, chunks.get(0), added, chunks.get(0), chunks.get(1));
        await().atMost(WAIT).until(() -> staged(file.attachmentId()) == 2);
        assertThat(attachment(id, file.attachmentId())).map(NoteAttachment::status)
                .as("not visible before every chunk is in").contains(AttachmentStatus.TRANSFERRING);
        assertThat(sharedDeals.files().open(file.attachmentId())).isEmpty();
        sendAll(chunks.get(1), chunks.get(2), chunks.get(2), chunks.get(0));
        crmReplica.addComment(noteId, UUID.randomUUID().toString(), "Got it", crmClock, CRM_REP);
        crmReplica.drainRecordedEvents().forEach(this::sendFromCrm);

        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 3);
        NoteAttachment attachment = attachment(id, file.attachmentId()).orElseThrow();
        assertThat(attachment.status()).isEqualTo(AttachmentStatus.AVAILABLE);
        assertThat(attachment.size()).isEqualTo(bytes.length);
        assertThat(attachment.sha256()).isEqualTo(sha256(bytes));
        assertThat(storedBytes(file.attachmentId())).hasValueSatisfying(kept -> assertThat(kept).isEqualTo(bytes));
        assertThat(mongo.getCollection(GRIDFS_FILES).countDocuments(Filters.eq("_id", file.attachmentId())))
                .as("assembled once").isEqualTo(1);
        assertThat(staged(file.attachmentId())).as("no chunk kept, not even the late duplicate").isZero();
        assertThat(activity(id)).filteredOn(entry -> entry.type().equals("ATTACHMENT_ADDED")).hasSize(1);
    }

    @Test
    void chunksThatArriveWhileTheirAnnouncementIsParkedAreAssembledOnceItIsApplied() throws IOException {
        SharedDealId id = SharedDealId.random();
        SharedDeal crmReplica = crmReplicaOf(id);
        String noteId = crmNote(crmReplica);
        byte[] bytes = randomBytes(400_000, 6);
        StoredFile file = storedFile("plan.pdf", bytes);
        crmReplica.addAttachment(noteId, file, crmClock, CRM_REP);
        List<SharedDealEvent> events = crmReplica.drainRecordedEvents();
        AttachmentAdded added = (AttachmentAdded) events.get(1);
        List<AttachmentChunk> chunks = chunksOf(added, bytes);

        sendAll(added, chunks.get(0), chunks.get(1));
        await().atMost(WAIT).until(() -> staged(file.attachmentId()) == 2);
        assertThat(changeLog.parked(id.value())).hasSize(1);
        assertThat(attachment(id, file.attachmentId())).isEmpty();

        sendFromCrm(events.get(0));

        await().atMost(WAIT).until(() -> attachment(id, file.attachmentId()).map(NoteAttachment::status)
                .orElse(null) == AttachmentStatus.AVAILABLE);
        assertThat(storedBytes(file.attachmentId())).hasValueSatisfying(kept -> assertThat(kept).isEqualTo(bytes));
        await().atMost(WAIT).until(() -> staged(file.attachmentId()) == 0);
        assertThat(changeLog.parked(id.value())).isEmpty();
    }

    @Test
    void aCorruptedTransferEndsFailedAndKeepsNoFile() {
        SharedDealId id = SharedDealId.random();
        SharedDeal crmReplica = crmReplicaOf(id);
        String noteId = crmNote(crmReplica);
        byte[] bytes = randomBytes(600_000, 7);
        StoredFile file = storedFile("tampered.pdf", bytes);
        crmReplica.addAttachment(noteId, file, crmClock, CRM_REP);
        List<SharedDealEvent> events = crmReplica.drainRecordedEvents();
        AttachmentAdded added = (AttachmentAdded) events.get(1);
        byte[] corrupted = bytes.clone();
        corrupted[MAX_CHUNK + 17] ^= 0x5A;
        List<AttachmentChunk> chunks = chunksOf(added, corrupted);

        sendAll(events.get(0), added);
        chunks.forEach(this::sendFromCrm);

        await().atMost(WAIT).until(() -> attachment(id, file.attachmentId()).map(NoteAttachment::status)
                .filter(status -> status != AttachmentStatus.TRANSFERRING).isPresent());
        assertThat(attachment(id, file.attachmentId())).map(NoteAttachment::status)
                .contains(AttachmentStatus.FAILED);
        assertThat(sharedDeals.files().open(file.attachmentId())).isEmpty();
        assertThat(gridFsDocuments(file.attachmentId())).isZero();
        await().atMost(WAIT).until(() -> staged(file.attachmentId()) == 0);

        // the honest bytes arriving afterwards change nothing: the outcome is settled
        chunksOf(added, bytes).forEach(this::sendFromCrm);
        crmReplica.addComment(noteId, UUID.randomUUID().toString(), "Resending", crmClock, CRM_REP);
        crmReplica.drainRecordedEvents().forEach(this::sendFromCrm);
        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 3);
        assertThat(attachment(id, file.attachmentId())).map(NoteAttachment::status)
                .contains(AttachmentStatus.FAILED);
        assertThat(gridFsDocuments(file.attachmentId())).isZero();
        assertThat(staged(file.attachmentId())).isZero();
    }

    @Test
    void chunksOfADeletedAttachmentAreIgnored() {
        SharedDealId id = SharedDealId.random();
        SharedDeal crmReplica = crmReplicaOf(id);
        String noteId = crmNote(crmReplica);
        byte[] bytes = randomBytes(800_000, 8);
        StoredFile file = storedFile("withdrawn.pdf", bytes);
        crmReplica.addAttachment(noteId, file, crmClock, CRM_REP);
        crmReplica.deleteAttachment(noteId, file.attachmentId(), crmClock, CRM_REP);
        crmReplica.addComment(noteId, UUID.randomUUID().toString(), "Wrong file, sorry", crmClock, CRM_REP);
        List<SharedDealEvent> events = crmReplica.drainRecordedEvents();
        AttachmentAdded added = (AttachmentAdded) events.get(1);
        assertThat(events.get(2)).isInstanceOf(AttachmentDeleted.class);
        List<AttachmentChunk> chunks = chunksOf(added, bytes);
        assertThat(chunks).hasSize(4);

        sendAll(events.get(0), added, chunks.get(0));
        await().atMost(WAIT).until(() -> staged(file.attachmentId()) == 1);
        sendFromCrm(events.get(2));
        chunks.subList(1, chunks.size()).forEach(this::sendFromCrm);
        sendFromCrm(events.get(3));

        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 4);
        NoteAttachment attachment = attachment(id, file.attachmentId()).orElseThrow();
        assertThat(attachment.deleted()).isTrue();
        assertThat(attachment.purged()).isTrue();
        assertThat(attachment.status()).isNotEqualTo(AttachmentStatus.AVAILABLE);
        assertThat(deal(id).note(noteId).orElseThrow().attachments()).isEmpty();
        assertThat(sharedDeals.files().open(file.attachmentId())).isEmpty();
        assertThat(gridFsDocuments(file.attachmentId())).isZero();
        assertThat(staged(file.attachmentId())).as("neither the chunk before the delete nor those after").isZero();
    }

    @Test
    void anAttachmentAnnouncedWithImpossibleChunkMathGoesToTheDeadLetterTopic() throws IOException {
        SharedDealId id = SharedDealId.random();
        SharedDeal crmReplica = crmReplicaOf(id);
        String noteId = crmNote(crmReplica);
        SharedDealEvent note = crmReplica.drainRecordedEvents().get(0);
        String badId = UUID.randomUUID().toString();
        // 1,000,000 bytes in chunks of 256 KiB need 4 chunks, not 3; takes the next sequence number, #2
        AttachmentAdded impossible = new AttachmentAdded(crmHeader(id, 2), noteId, badId, "broken.pdf",
                "application/pdf", 1_000_000, sha256(new byte[1]), MAX_CHUNK, 3);
        byte[] bytes = randomBytes(100_000, 9);
        StoredFile file = storedFile("fine.pdf", bytes);
        crmReplica.addAttachment(noteId, file, crmClock, CRM_REP);
        AttachmentAdded valid = (AttachmentAdded) crmReplica.drainRecordedEvents().get(0);
        assertThat(valid.header().sequence()).isEqualTo(2);

        sendAll(note, impossible, valid);
        chunksOf(valid, bytes).forEach(this::sendFromCrm);

        await().atMost(WAIT).until(() -> attachment(id, file.attachmentId()).map(NoteAttachment::status)
                .orElse(null) == AttachmentStatus.AVAILABLE);
        assertThat(storedBytes(file.attachmentId())).hasValueSatisfying(kept -> assertThat(kept).isEqualTo(bytes));
        assertThat(attachment(id, badId)).isEmpty();
        assertThat(deal(id).highWaterMark(Origin.CRM)).isEqualTo(2);

        List<ConsumerRecord<String, byte[]>> dead = awaitRecords(
                r -> r.topic().equals(Topics.deadLetter(Topics.CRM_SHARED_DEAL_EVENTS)) && id.value().equals(r.key()),
                records -> !records.isEmpty());
        assertThat(dead).hasSize(1);
        Header reason = dead.get(0).headers().lastHeader("kafka_dlt-exception-message");
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8))
                .contains("3 chunks cannot carry 1000000 bytes in chunks of " + MAX_CHUNK);
        SpecificRecord deadEvent = AvroCodec.decode(dead.get(0).value());
        assertThat(deadEvent).isInstanceOf(com.dealbridge.contracts.avro.AttachmentAdded.class);
        assertThat(((com.dealbridge.contracts.avro.AttachmentAdded) deadEvent).getAttachmentId().toString())
                .isEqualTo(badId);
        await().atMost(WAIT).until(() -> mongo.findAll(DeadLetter.class).stream()
                .anyMatch(letter -> id.value().equals(letter.key())));
        assertThat(mongo.findAll(DeadLetter.class)).filteredOn(letter -> id.value().equals(letter.key()))
                .singleElement().satisfies(letter -> assertThat(letter.reason()).contains("chunks cannot carry"));
    }

    @Test
    void aChunkThatDoesNotFitItsAnnouncementGoesToTheDeadLetterTopicAndTheTransferStillCompletes()
            throws IOException {
        SharedDealId id = SharedDealId.random();
        SharedDeal crmReplica = crmReplicaOf(id);
        String noteId = crmNote(crmReplica);
        byte[] bytes = randomBytes(700_000, 10);
        StoredFile file = storedFile("three-chunks.pdf", bytes);
        crmReplica.addAttachment(noteId, file, crmClock, CRM_REP);
        List<SharedDealEvent> events = crmReplica.drainRecordedEvents();
        AttachmentAdded added = (AttachmentAdded) events.get(1);
        List<AttachmentChunk> chunks = chunksOf(added, bytes);
        AttachmentChunk first = chunks.get(0);
        // claims to be chunk 5 of 6: with the real chunks 0 and 1 it would make three and finish the file early
        AttachmentChunk stray = new AttachmentChunk(first.header(), noteId, file.attachmentId(), 5, 6,
                5L * MAX_CHUNK, new byte[100]);

        sendAll(events.get(0), added, chunks.get(0), stray, chunks.get(1), chunks.get(2));

        await().atMost(WAIT).until(() -> attachment(id, file.attachmentId()).map(NoteAttachment::status)
                .orElse(null) == AttachmentStatus.AVAILABLE);
        assertThat(storedBytes(file.attachmentId())).hasValueSatisfying(kept -> assertThat(kept).isEqualTo(bytes));
        List<ConsumerRecord<String, byte[]>> dead = awaitRecords(
                r -> r.topic().equals(Topics.deadLetter(Topics.CRM_SHARED_DEAL_EVENTS)) && id.value().equals(r.key()),
                records -> !records.isEmpty());
        assertThat(new String(dead.get(0).headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8)).contains("does not fit attachment " + file.attachmentId());
    }

    @Test
    void anEmptyFileFromTheCrmIsAvailableOnArrival() throws IOException {
        SharedDealId id = SharedDealId.random();
        SharedDeal crmReplica = crmReplicaOf(id);
        String noteId = crmNote(crmReplica);
        StoredFile empty = storedFile("empty.txt", new byte[0]);
        crmReplica.addAttachment(noteId, empty, crmClock, CRM_REP);

        crmReplica.drainRecordedEvents().forEach(this::sendFromCrm);

        await().atMost(WAIT).until(() -> deal(id).highWaterMark(Origin.CRM) == 2);
        await().atMost(WAIT).until(() -> attachment(id, empty.attachmentId()).map(NoteAttachment::status)
                .filter(status -> status != AttachmentStatus.TRANSFERRING).isPresent());
        assertThat(attachment(id, empty.attachmentId())).map(NoteAttachment::status)
                .contains(AttachmentStatus.AVAILABLE);
        assertThat(storedBytes(empty.attachmentId())).hasValueSatisfying(kept -> assertThat(kept).isEmpty());
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private SharedDealRegistered registerHere(SharedDealId id) {
        sharedDeals.register(Fixtures.partnerRegistration(id), PARTNER_USER, null);
        List<ConsumerRecord<String, byte[]>> published = awaitPublished(id, records -> !records.isEmpty());
        return (SharedDealRegistered) crm.decode(published.get(0));
    }

    /** The CRM's replica of a deal registered here, as it looks after receiving the registration. */
    private SharedDeal crmReplicaOf(SharedDealId id) {
        return SharedDeal.receive(registerHere(id), Origin.CRM, crmClock);
    }

    /** Adds a note on the CRM replica (its SharedNoteAdded stays recorded, to be sent by the test). */
    private String crmNote(SharedDeal crmReplica) {
        String noteId = UUID.randomUUID().toString();
        crmReplica.addNote(noteId, "The signed quote is attached", crmClock, CRM_REP);
        return noteId;
    }

    private String localNote(SharedDealId id) {
        String noteId = UUID.randomUUID().toString();
        sharedDeals.change(id, (document, clock) -> document.deal().addNote(noteId, "Paperwork attached", clock,
                PARTNER_USER));
        return noteId;
    }

    private StoredFile storeLocally(String fileName, byte[] bytes) {
        return sharedDeals.files().store(UUID.randomUUID().toString(), fileName, "application/pdf",
                new ByteArrayInputStream(bytes), MAX_FILE);
    }

    /** What the CRM would have stored for these bytes. */
    private static StoredFile storedFile(String fileName, byte[] bytes) {
        return new StoredFile(UUID.randomUUID().toString(), fileName, "application/pdf", bytes.length,
                sha256(bytes), BlobStore.CHUNK_SIZE, StoredFile.chunkCount(bytes.length,
                BlobStore.CHUNK_SIZE));
    }

    /** The chunks a relay would send after {@code added}, each carrying its slice of {@code bytes}. */
    private static List<AttachmentChunk> chunksOf(AttachmentAdded added, byte[] bytes) {
        List<AttachmentChunk> chunks = new ArrayList<>();
        EventHeader h = added.header();
        for (int index = 0; index < added.chunkCount(); index++) {
            int from = index * added.chunkSize();
            int to = Math.min(bytes.length, from + added.chunkSize());
            EventHeader header = new EventHeader(UUID.randomUUID().toString(), h.sharedDealId(), h.partnerId(),
                    h.origin(), h.sequence(), h.hlc(), h.occurredAt(), h.actor());
            chunks.add(new AttachmentChunk(header, added.noteId(), added.attachmentId(), index, added.chunkCount(),
                    from, Arrays.copyOfRange(bytes, from, to)));
        }
        return chunks;
    }

    private EventHeader crmHeader(SharedDealId id, long sequence) {
        return new EventHeader(UUID.randomUUID().toString(), id.value(), "partner-1", Origin.CRM, sequence,
                crmClock.tick(), crmClock.now(), CRM_REP);
    }

    private void sendAll(SharedDealEvent... events) {
        for (SharedDealEvent event : events) {
            sendFromCrm(event);
        }
    }

    private void sendFromCrm(SharedDealEvent event) {
        crm.send(Topics.CRM_SHARED_DEAL_EVENTS, event);
    }

    private java.util.Optional<NoteAttachment> attachment(SharedDealId id, String attachmentId) {
        return sharedDeals.store().attachment(id.value(), attachmentId);
    }

    private SharedDeal deal(SharedDealId id) {
        return sharedDeals.find(id).orElseThrow().deal();
    }

    private Optional<byte[]> storedBytes(String attachmentId) throws IOException {
        Optional<InputStream> stream = sharedDeals.files().open(attachmentId);
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = stream.get()) {
            return Optional.of(in.readAllBytes());
        }
    }

    private long staged(String attachmentId) {
        return mongo.getCollection(STAGED).countDocuments(Filters.eq("attachmentId", attachmentId));
    }

    /** GridFS file and chunk documents of an attachment. */
    private long gridFsDocuments(String attachmentId) {
        return mongo.getCollection(GRIDFS_FILES).countDocuments(Filters.eq("_id", attachmentId))
                + mongo.getCollection(GRIDFS_CHUNKS).countDocuments(Filters.eq("files_id", attachmentId));
    }

    /** This side's published records of one deal, once {@code enough} holds for them. */
    private List<ConsumerRecord<String, byte[]>> awaitPublished(
            SharedDealId id, Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        return awaitRecords(r -> r.topic().equals(Topics.PARTNER_SHARED_DEAL_EVENTS) && id.value().equals(r.key()),
                enough);
    }

    private List<ConsumerRecord<String, byte[]>> awaitRecords(Predicate<ConsumerRecord<String, byte[]>> which,
                                                              Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            seen.addAll(crm.poll());
            matching.clear();
            seen.stream().filter(which).forEach(matching::add);
            return enough.test(matching);
        });
        return List.copyOf(matching);
    }

    private static String typeOf(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("dealbridge-event-type");
        return type == null ? null : new String(type.value(), StandardCharsets.UTF_8);
    }

    private static int indexOfType(List<ConsumerRecord<String, byte[]>> records, String type) {
        for (int i = 0; i < records.size(); i++) {
            if (type.equals(typeOf(records.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ActivityEntry> activity(SharedDealId id) {
        return sharedDeals.tabs().page(id.value(), 0, 500).items();
    }
}
