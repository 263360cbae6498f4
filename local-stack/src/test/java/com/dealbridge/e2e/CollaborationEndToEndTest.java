package com.dealbridge.e2e;

import static com.dealbridge.e2e.CollaborationSteps.WAIT;
import static com.dealbridge.e2e.CollaborationSteps.addNote;
import static com.dealbridge.e2e.CollaborationSteps.attachment;
import static com.dealbridge.e2e.CollaborationSteps.awaitAttachment;
import static com.dealbridge.e2e.CollaborationSteps.awaitNotes;
import static com.dealbridge.e2e.CollaborationSteps.fileStored;
import static com.dealbridge.e2e.CollaborationSteps.note;
import static com.dealbridge.e2e.CollaborationSteps.noteIn;
import static com.dealbridge.e2e.CollaborationSteps.notes;
import static com.dealbridge.e2e.CollaborationSteps.png;
import static com.dealbridge.e2e.CollaborationSteps.sha256;
import static com.dealbridge.e2e.CollaborationSteps.storedPieces;
import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.e2e.CollaborationSteps.NotedDeal;
import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.EventStream;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.store.OfflineStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3 across both services, one real broker and both stores: shared notes, comments and attachments both ways,
 * deletions reaching both sides (stored files included), tombstones beating late edits, duplicate deliveries, the
 * Shared tab, and private notes that never leave the partner's side.
 */
class CollaborationEndToEndTest extends CollaborationSystemTest {


    @Test
    void anIntegrationListeningToTheDealsEventsHearsTheOtherSidesNote() {
        PartnerUser user = system.newPartner("Stream Partners", 5);
        PartnerUser stranger = system.newPartner("Other Partners", 5);
        String id = steps.registerOnPartner(user, "Globex stream");
        try (EventStream onCrm = system.crm().events("/api/shared-deals/" + id + "/events", rep.token());
             EventStream onPartner = system.partner().events("/api/shared-deals/" + id + "/events", user.token())) {
            assertThat(onCrm.status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> !onCrm.events("connected").isEmpty()
                    && !onPartner.events("connected").isEmpty());

            String noteId = addNote(system.partner(), user.token(), id, "Heard without polling");
            await().atMost(WAIT).until(() -> !onCrm.events("deal-changed").isEmpty());
            assertThat(system.crm().get(note(id, noteId), rep.token()).status()).isEqualTo(200);
            assertThat(onPartner.events("deal-changed")).isNotEmpty();

            int heard = onPartner.events("deal-changed").size();
            addNote(system.crm(), rep.token(), id, "And back");
            await().atMost(WAIT).until(() -> onPartner.events("deal-changed").size() > heard);
        }
        // a stream only of a deal the caller may see, and only with a token
        try (EventStream foreign = system.partner().events("/api/shared-deals/" + id + "/events", stranger.token());
             EventStream anonymous = system.crm().events("/api/shared-deals/" + id + "/events", null)) {
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(foreign.events()).isEmpty();
        }
    }

    @Test
    void sharedNotesAddedEditedAndDeletedOnEitherSideReachTheOther() {
        PartnerUser user = system.newPartner("Note Partners", 5);
        String id = steps.registerOnPartner(user, "Globex notes");

        String partnerNote = addNote(system.partner(), user.token(), id, "Customer wants SSO first");
        JsonNode onCrm = noteIn(awaitNotes(system.crm(), rep.token(), id, items -> items.size() == 1), partnerNote);
        assertThat(onCrm.get("body").asString()).isEqualTo("Customer wants SSO first");
        assertThat(onCrm.at("/author/side").asString()).isEqualTo("PARTNER");
        assertThat(onCrm.at("/author/id").asString()).isEqualTo(user.userId());
        assertThat(onCrm.at("/author/name").asString()).isEqualTo(user.name());
        assertThat(onCrm.get("createdAt").asString()).isNotBlank();

        String crmNote = addNote(system.crm(), rep.token(), id, "Demo booked for Tuesday");
        JsonNode onPartner = noteIn(awaitNotes(system.partner(), user.token(), id, items -> items.size() == 2),
                crmNote);
        assertThat(onPartner.at("/author/side").asString()).isEqualTo("CRM");
        assertThat(onPartner.at("/author/name").asString()).isEqualTo(rep.name());

        ok(system.partner().patch(note(id, partnerNote), user.token(), Map.of("body", "Customer wants SSO and MFA")),
                200);
        ok(system.crm().patch(note(id, crmNote), rep.token(), Map.of("body", "Demo moved to Wednesday")), 200);
        awaitNotes(system.crm(), rep.token(), id, items -> "Customer wants SSO and MFA".equals(
                noteIn(items, partnerNote).get("body").asString()));
        JsonNode edited = noteIn(awaitNotes(system.partner(), user.token(), id, items -> "Demo moved to Wednesday"
                .equals(noteIn(items, crmNote).get("body").asString())), crmNote);
        assertThat(edited.get("editedAt").asString()).isNotBlank();

        // a side edits only its own side's notes; either side deletes any note
        ApiResponse foreignEdit = system.crm().patch(note(id, partnerNote), rep.token(), Map.of("body", "Mine now"));
        assertThat(foreignEdit.status()).as("%s", foreignEdit).isEqualTo(403);
        assertThat(foreignEdit.isProblem()).isTrue();

        ok(system.crm().delete(note(id, partnerNote), rep.token()), 204);
        awaitNotes(system.partner(), user.token(), id, items -> items.size() == 1 && noteIn(items, crmNote) != null);
        assertThat(system.partner().get(note(id, partnerNote), user.token()).status()).isEqualTo(404);
        ok(system.partner().delete(note(id, crmNote), user.token()), 204);
        awaitNotes(system.crm(), rep.token(), id, items -> items.isEmpty());
        assertThat(system.crm().get(note(id, crmNote), rep.token()).status()).isEqualTo(404);
    }

    @Test
    void commentsOnEitherSideSyncAndTheirDeletionReachesBothSides() {
        NotedDeal deal = steps.notedDeal("Comment Partners", "Initech comments", rep, Origin.CRM, "Pricing sheet attached next week");
        PartnerUser user = deal.user();
        String id = deal.id();
        String noteId = deal.noteId();

        String fromPartner = ok(system.partner().post(note(id, noteId) + "/comments", user.token(),
                Map.of("body", "Thanks, the CFO is waiting for it")), 201).json("/id");
        String fromCrm = ok(system.crm().post(note(id, noteId) + "/comments", rep.token(),
                Map.of("body", "Sending it on Monday")), 201).json("/id");

        for (var side : List.of(new Object[] {system.partner(), user.token()}, new Object[] {system.crm(),
                rep.token()})) {
            JsonNode items = awaitNotes((com.dealbridge.kit.test.ApiClient) side[0], (String) side[1], id,
                    list -> list.size() == 1 && list.get(0).get("comments").size() == 2);
            JsonNode comments = items.get(0).get("comments");
            assertThat(List.of(comments.get(0).get("id").asString(), comments.get(1).get("id").asString()))
                    .containsExactlyInAnyOrder(fromPartner, fromCrm);
            assertThat(comments.findValuesAsString("body")).contains("Thanks, the CFO is waiting for it",
                    "Sending it on Monday");
            assertThat(comments.findValuesAsString("side")).containsExactlyInAnyOrder("PARTNER", "CRM");
        }

        ok(system.crm().delete(note(id, noteId) + "/comments/" + fromPartner, rep.token()), 204);
        JsonNode left = awaitNotes(system.partner(), user.token(), id, list -> list.get(0).get("comments").size() == 1);
        assertThat(left.get(0).at("/comments/0/id").asString()).isEqualTo(fromCrm);
        assertThat(system.crm().delete(note(id, noteId) + "/comments/" + UUID.randomUUID(), rep.token()).status())
                .isEqualTo(404);
    }

    @Test
    void fiveMebibyteImageFromThePartnerDownloadsIdenticallyOnTheCrmAndDeletingThereRemovesItEverywhere() {
        NotedDeal deal = steps.notedDeal("Image Partners", "Umbrella images", rep, Origin.PARTNER, "Floor plan attached");
        PartnerUser user = deal.user();
        String id = deal.id();
        String noteId = deal.noteId();
        byte[] image = png(5 * 1024 * 1024, 42);

        ApiResponse uploaded = ok(system.partner().postMultipart(note(id, noteId) + "/attachments", user.token(),
                "file", "floor plan.png", "image/png", image), 201);
        String attachmentId = uploaded.json("/id");
        assertThat(uploaded.json("/sha256")).isEqualTo(sha256(image));
        assertThat(uploaded.json("/status")).isEqualTo("AVAILABLE");
        assertThat(uploaded.node("/size").asLong()).isEqualTo(image.length);

        JsonNode onCrm = awaitAttachment(system.crm(), rep.token(), id, noteId, attachmentId, "AVAILABLE");
        assertThat(onCrm.get("fileName").asString()).isEqualTo("floor plan.png");
        assertThat(onCrm.get("contentType").asString()).isEqualTo("image/png");
        ApiResponse download = ok(system.crm().get(attachment(id, noteId, attachmentId), rep.token()), 200);
        assertThat(download.body()).isEqualTo(image);
        assertThat(download.header("ETag")).isEqualTo("\"" + sha256(image) + "\"");
        assertThat(download.header("Content-Type")).isEqualTo("image/png");
        assertThat(download.header("Content-Disposition")).contains("attachment").contains("floor plan.png");
        assertThat(fileStored(system.partnerMongoUri(), "partner", attachmentId)).isTrue();
        assertThat(fileStored(system.crmMongoUri(), "crm", attachmentId)).isTrue();

        ok(system.crm().delete(attachment(id, noteId, attachmentId), rep.token()), 204);
        await().atMost(WAIT).until(() -> system.partner().get(attachment(id, noteId, attachmentId), user.token())
                .status() == 404);
        await().atMost(WAIT).until(() -> storedPieces(system.partnerMongoUri(), "partner", attachmentId) == 0
                && storedPieces(system.crmMongoUri(), "crm", attachmentId) == 0);
        assertThat(ok(system.partner().get(note(id, noteId), user.token()), 200).node("/attachments")).isEmpty();
    }

    @Test
    void fileFromTheCrmReachesThePartnerAndDeletingTheNoteThereRemovesItsFilesOnBothSides() {
        NotedDeal deal = steps.notedDeal("Pdf Partners", "Hooli quote", rep, Origin.CRM, "Draft contract");
        PartnerUser user = deal.user();
        String id = deal.id();
        String noteId = deal.noteId();
        byte[] pdf = ("%PDF-1.7\n" + "contract terms ".repeat(40_000) + "\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);

        String attachmentId = ok(system.crm().postMultipart(note(id, noteId) + "/attachments", rep.token(), "file",
                "contract.pdf", "application/pdf", pdf), 201).json("/id");
        awaitAttachment(system.partner(), user.token(), id, noteId, attachmentId, "AVAILABLE");
        ApiResponse download = ok(system.partner().get(attachment(id, noteId, attachmentId), user.token()), 200);
        assertThat(sha256(download.body())).isEqualTo(sha256(pdf));

        ok(system.partner().delete(note(id, noteId), user.token()), 204);
        awaitNotes(system.crm(), rep.token(), id, items -> items.isEmpty());
        await().atMost(WAIT).until(() -> storedPieces(system.partnerMongoUri(), "partner", attachmentId) == 0
                && storedPieces(system.crmMongoUri(), "crm", attachmentId) == 0);
        assertThat(system.crm().get(attachment(id, noteId, attachmentId), rep.token()).status()).isEqualTo(404);
    }

    @Test
    void anEditRacingADeleteEndsDeletedOnBothSides() {
        NotedDeal deal = steps.notedDeal("Race Partners", "Racing note", rep, Origin.PARTNER, "First draft");
        PartnerUser user = deal.user();
        String id = deal.id();
        String noteId = deal.noteId();

        // the partner edits while the CRM's delete is on its way: neither side has seen the other's change
        system.stopPartner();
        try {
            ok(system.crm().delete(note(id, noteId), rep.token()), 204);
            try (MongoClient client = MongoClients.create(system.partnerMongoUri())) {
                try (OfflineStore partner = new OfflineStore(new MongoTemplate(client, "partner"), Origin.PARTNER)) {
                    partner.sharedDeals().change(new SharedDealId(id), (document, clock) ->
                            document.deal().editNote(noteId, "Second draft, written offline", clock,
                                    new Actor(ActorType.PARTNER_USER, user.userId(), user.name())));
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        } finally {
            system.startPartner();
        }

        awaitNotes(system.partner(), user.token(), id, items -> items.isEmpty());
        await().atMost(WAIT).until(() -> partnerOutboxEmpty(id));
        assertThat(ok(system.crm().get(notes(id), rep.token()), 200).node("/items")).isEmpty();
        assertThat(system.crm().get(note(id, noteId), rep.token()).status()).isEqualTo(404);
        assertThat(system.partner().get(note(id, noteId), user.token()).status()).isEqualTo(404);
        // and the note stays deleted: a later edit or comment is refused on both sides
        assertThat(system.partner().patch(note(id, noteId), user.token(), Map.of("body", "again")).status())
                .isEqualTo(404);
        assertThat(system.crm().post(note(id, noteId) + "/comments", rep.token(), Map.of("body", "hello"))
                .status()).isEqualTo(404);
    }

    @Test
    void everyEventDeliveredTwiceChangesNothing() throws Exception {
        NotedDeal deal = steps.notedDeal("Duplicate Partners", "Twice delivered", rep, Origin.PARTNER, "Once only");
        PartnerUser user = deal.user();
        String id = deal.id();
        String noteId = deal.noteId();
        ok(system.crm().patch(note(id, noteId), rep.token(), Map.of("body", "x")), 403);
        ok(system.partner().patch(note(id, noteId), user.token(), Map.of("body", "Once only, edited")), 200);
        String comment = ok(system.crm().post(note(id, noteId) + "/comments", rep.token(), Map.of("body", "Seen")),
                201).json("/id");
        String gone = ok(system.crm().post(note(id, noteId) + "/comments", rep.token(), Map.of("body", "Oops")),
                201).json("/id");
        ok(system.crm().delete(note(id, noteId) + "/comments/" + gone, rep.token()), 204);
        byte[] image = png(600_000, 7);
        String attachmentId = ok(system.partner().postMultipart(note(id, noteId) + "/attachments", user.token(),
                "file", "chart.png", "image/png", image), 201).json("/id");
        awaitAttachment(system.crm(), rep.token(), id, noteId, attachmentId, "AVAILABLE");
        awaitNotes(system.partner(), user.token(), id, items -> items.get(0).get("comments").size() == 1);
        String partnerBefore = state(system.partner(), user.token(), id);
        String crmBefore = state(system.crm(), rep.token(), id);
        assertThat(ok(system.partner().get(notes(id), user.token()), 200).bodyAsString()).contains(comment)
                .doesNotContain(gone).doesNotContain("Oops");

        try (TopicProbe probe = new TopicProbe(system.brokers())) {
            List<ConsumerRecord<String, byte[]>> all = new java.util.ArrayList<>();
            all.addAll(probe.recordsFor(Topics.PARTNER_SHARED_DEAL_EVENTS, id));
            all.addAll(probe.recordsFor(Topics.CRM_SHARED_DEAL_EVENTS, id));
            assertThat(all).hasSizeGreaterThan(8);
            for (ConsumerRecord<String, byte[]> record : all) {
                probe.resend(record);
            }
            await().atMost(WAIT).until(() -> probe.lag("crm-service.sync", Topics.PARTNER_SHARED_DEAL_EVENTS) == 0
                    && probe.lag("partner-service.sync", Topics.CRM_SHARED_DEAL_EVENTS) == 0);
        }

        assertThat(state(system.partner(), user.token(), id)).isEqualTo(partnerBefore);
        assertThat(state(system.crm(), rep.token(), id)).isEqualTo(crmBefore);
        assertThat(ok(system.crm().get(attachment(id, noteId, attachmentId), rep.token()), 200).body())
                .isEqualTo(image);
    }

    @Test
    void theSharedTabListsTheSameSharedActivityOnBothSides() {
        NotedDeal deal = steps.notedDeal("Tab Partners", "Shared tab", rep, Origin.PARTNER, "Kick-off notes");
        PartnerUser user = deal.user();
        String id = deal.id();
        String noteId = deal.noteId();
        ok(system.crm().post(note(id, noteId) + "/comments", rep.token(), Map.of("body", "Great")), 201);
        ok(system.partner().patch(note(id, noteId), user.token(), Map.of("body", "Kick-off notes v2")), 200);
        String attachmentId = ok(system.crm().postMultipart(note(id, noteId) + "/attachments", rep.token(), "file",
                "agenda.txt", "text/plain", "1. intro\n2. demo\n".getBytes(StandardCharsets.UTF_8)), 201).json("/id");
        ok(system.crm().delete(attachment(id, noteId, attachmentId), rep.token()), 204);
        String doomed = addNote(system.crm(), rep.token(), id, "Wrong deal, sorry");
        ok(system.partner().post("/api/deals/" + partnerDealId(user, id) + "/notes", user.token(),
                Map.of("body", "PRIVATE: margin is thin")), 201);
        awaitNotes(system.partner(), user.token(), id, items -> noteIn(items, doomed) != null);
        ok(system.partner().delete(note(id, doomed), user.token()), 204);

        List<String> expected = List.of("REGISTERED", "ASSIGNED", "NOTE_ADDED", "COMMENT_ADDED", "NOTE_EDITED",
                "ATTACHMENT_ADDED", "ATTACHMENT_DELETED", "NOTE_ADDED", "NOTE_DELETED");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(types(system.partner(), user.token(), id)).isEqualTo(expected);
            assertThat(types(system.crm(), rep.token(), id)).isEqualTo(expected);
        });
        ApiResponse partnerTab = ok(system.partner().get("/api/shared-deals/" + id + "/shared-activity",
                user.token()), 200);
        ApiResponse crmTab = ok(system.crm().get("/api/shared-deals/" + id + "/shared-activity", rep.token()), 200);
        assertThat(partnerTab.node("/items").findValuesAsString("eventId"))
                .isEqualTo(crmTab.node("/items").findValuesAsString("eventId"));
        // nothing private, and a deleted note's text is gone from the tab too
        assertThat(partnerTab.bodyAsString()).doesNotContain("PRIVATE").doesNotContain("Wrong deal, sorry");
        assertThat(crmTab.bodyAsString()).doesNotContain("PRIVATE").doesNotContain("Wrong deal, sorry")
                .contains("Kick-off notes v2");
    }

    @Test
    void aPrivateNoteNeverLeavesThePartnerSide() throws Exception {
        PartnerUser user = system.newPartner("Private Partners", 5);
        String id = steps.registerOnPartner(user, "Private matters");
        String secret = "PRIVATE-" + UUID.randomUUID();
        String dealId = partnerDealId(user, id);
        ok(system.partner().post("/api/deals/" + dealId + "/notes", user.token(), Map.of("body", secret)), 201);
        assertThat(ok(system.partner().get("/api/deals/" + dealId + "/notes", user.token()), 200).bodyAsString())
                .contains(secret);
        // a shared note after it: once it is on the CRM side, anything published before it is there too
        addNote(system.partner(), user.token(), id, "Shared after the private one");
        awaitNotes(system.crm(), rep.token(), id, items -> items.size() == 1);

        assertThat(ok(system.partner().get(notes(id), user.token()), 200).bodyAsString()).doesNotContain(secret);
        assertThat(ok(system.crm().get(notes(id), rep.token()), 200).bodyAsString()).doesNotContain(secret);
        assertThat(storeMentions(system.crmMongoUri(), "crm", secret)).isEmpty();
        try (TopicProbe probe = new TopicProbe(system.brokers())) {
            for (String topic : probe.topics()) {
                assertThat(probe.anyRecordContains(topic, secret.getBytes(StandardCharsets.UTF_8)))
                        .as("topic %s", topic).isFalse();
            }
        }
    }

    @Test
    void badInputIsRefusedWithAProblemAndChangesNothing() {
        PartnerUser user = system.newPartner("Strict Partners", 5);
        String id = steps.registerOnPartner(user, "Strict input");
        String other = steps.registerOnPartner(user, "Another deal");
        String noteId = addNote(system.partner(), user.token(), id, "Valid note");
        String otherNote = addNote(system.partner(), user.token(), other, "Note of another deal");

        assertProblem(system.partner().post(notes(id), user.token(), Map.of("body", "   ")), 422);
        assertProblem(system.partner().post(notes(id), user.token(), Map.of()), 422);
        assertProblem(system.partner().post(notes(id), user.token(), Map.of("body", "x".repeat(64 * 1024 + 1))),
                422);
        assertProblem(system.partner().post(note(id, noteId) + "/comments", user.token(),
                Map.of("body", "y".repeat(16 * 1024 + 1))), 422);
        assertProblem(system.partner().patch(note(id, otherNote), user.token(), Map.of("body", "moved")), 404);
        assertProblem(system.partner().post(note(id, otherNote) + "/comments", user.token(), Map.of("body", "hi")),
                404);
        assertProblem(system.partner().post(notes(UUID.randomUUID().toString()), user.token(),
                Map.of("body", "nowhere")), 404);
        PartnerUser stranger = system.newPartner("Stranger Partners", 5);
        assertProblem(system.partner().get(notes(id), stranger.token()), 404);

        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[2] = (byte) 0x90;
        assertProblem(system.partner().postMultipart(note(id, noteId) + "/attachments", user.token(), "file",
                "invoice.png", "image/png", exe), 415);
        assertProblem(system.partner().postMultipart(note(id, noteId) + "/attachments", user.token(), "file",
                "script.sh", "application/x-sh", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(system.partner().postMultipart(note(id, noteId) + "/attachments", user.token(), "file",
                "huge.png", "image/png", png(20 * 1024 * 1024 + 1, 1)), 413);
        ApiResponse sanitised = ok(system.partner().postMultipart(note(id, noteId) + "/attachments", user.token(),
                "file", "..\\..\\evil\u0007name;x.png", "image/png", png(1000, 3)), 201);
        assertThat(sanitised.json("/fileName")).isEqualTo("evilname_x.png");

        ApiResponse list = ok(system.partner().get(notes(id), user.token()), 200);
        assertThat(list.node("/items")).hasSize(1);
        assertThat(list.node("/items/0/attachments")).hasSize(1);
        assertThat(list.json("/items/0/body")).isEqualTo("Valid note");
        assertThat(list.node("/items/0/comments")).isEmpty();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static void assertProblem(ApiResponse response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.isProblem()).as("%s", response).isTrue();
    }

    private static String partnerDealId(PartnerUser user, String id) {
        return ok(system.partner().get("/api/shared-deals/" + id, user.token()), 200).json("/dealId");
    }

    /** Notes with comments and attachments plus the Shared tab, as one side shows them. */
    private static String state(com.dealbridge.kit.test.ApiClient api, String token, String id) {
        return ok(api.get(notes(id), token), 200).bodyAsString()
                + ok(api.get("/api/shared-deals/" + id + "/shared-activity", token), 200).bodyAsString();
    }

    private static List<String> types(com.dealbridge.kit.test.ApiClient api, String token, String id) {
        List<String> types = new java.util.ArrayList<>();
        ok(api.get("/api/shared-deals/" + id + "/shared-activity", token), 200).node("/items")
                .forEach(item -> types.add(item.get("type").asString()));
        return types;
    }

    private static boolean partnerOutboxEmpty(String id) {
        try (MongoClient client = MongoClients.create(system.partnerMongoUri())) {
            return client.getDatabase("partner").getCollection("change_log")
                    .countDocuments(Filters.and(Filters.eq("aggregateId", id), Filters.eq("published", false))) == 0;
        }
    }

    /** Collections of a store holding a document that mentions the text anywhere. */
    private static List<String> storeMentions(String mongoUri, String database, String text) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            var db = client.getDatabase(database);
            List<String> hits = new java.util.ArrayList<>();
            for (String collection : db.listCollectionNames()) {
                for (Document document : db.getCollection(collection).find()) {
                    if (document.toJson().contains(text)) {
                        hits.add(collection);
                        break;
                    }
                }
            }
            return hits;
        }
    }
}
