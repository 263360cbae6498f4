package com.dealbridge.e2e;

import static com.dealbridge.e2e.CollaborationSteps.WAIT;
import static com.dealbridge.e2e.CollaborationSteps.attachment;
import static com.dealbridge.e2e.CollaborationSteps.awaitAttachment;
import static com.dealbridge.e2e.CollaborationSteps.awaitNotes;
import static com.dealbridge.e2e.CollaborationSteps.note;
import static com.dealbridge.e2e.CollaborationSteps.notes;
import static com.dealbridge.e2e.CollaborationSteps.png;
import static com.dealbridge.e2e.DealbridgeSystem.CRM_ADMIN;
import static com.dealbridge.e2e.DealbridgeSystem.PARTNER_ADMIN;
import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.e2e.CollaborationSteps.NotedDeal;
import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.store.OfflineStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Repairing a replica with {@code POST /admin/shared-deals/{id}/resync}: the other side's whole shared state as a
 * snapshot, across both services and the real broker.
 */
class ResyncEndToEndTest extends CollaborationSystemTest {


    @Test
    void aCrmReplicaLostFromItsStoreIsRebuiltByAResyncFromThePartner() {
        NotedDeal deal = steps.notedDeal("Lost Replica Partners", "Lost replica", rep, Origin.PARTNER, "Scope v1");
        PartnerUser user = deal.user();
        String id = deal.id();
        ok(system.crm().post(note(id, deal.noteId()) + "/comments", rep.token(), Map.of("body", "Looks good")), 201);
        // under the default policy the name and the first stage are the partner's registration's, and the snapshot
        // carries them with its stamp; the amount is the partner's later change
        ok(system.partner().patch("/api/shared-deals/" + id, user.token(), Map.of("amount", "15000.00")), 200);
        byte[] image = png(700_000, 21);
        String attachmentId = ok(system.partner().postMultipart(note(id, deal.noteId()) + "/attachments",
                user.token(), "file", "scope.png", "image/png", image), 201).json("/id");
        awaitAttachment(system.crm(), rep.token(), id, deal.noteId(), attachmentId, "AVAILABLE");
        String crmDealId = ok(system.crm().get("/api/shared-deals/" + id, rep.token()), 200).json("/dealId");

        // the CRM's store loses the deal (restored from an old backup): its replica and stored files are gone
        system.stopCrm();
        try (MongoClient client = MongoClients.create(system.crmMongoUri());
             OfflineStore crm = new OfflineStore(new MongoTemplate(client, "crm"), Origin.CRM)) {
            var db = client.getDatabase("crm");
            crm.loseDeal(id);
            db.getCollection("attachments.files").deleteMany(Filters.eq("_id", attachmentId));
            db.getCollection("attachments.chunks").deleteMany(Filters.eq("files_id", attachmentId));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            system.startCrm();
        }
        assertThat(system.crm().get("/api/shared-deals/" + id, rep.token()).status()).isEqualTo(404);

        ApiResponse resync = ok(system.partner().post("/admin/shared-deals/" + id + "/resync", PARTNER_ADMIN,
                Map.of()), 202);
        assertThat(resync.json("/side")).isEqualTo("PARTNER");

        awaitAttachment(system.crm(), rep.token(), id, deal.noteId(), attachmentId, "AVAILABLE");
        assertThat(ok(system.crm().get(attachment(id, deal.noteId(), attachmentId), rep.token()), 200).body())
                .isEqualTo(image);
        ApiResponse onCrm = ok(system.crm().get("/api/shared-deals/" + id, rep.token()), 200);
        assertThat(onCrm.json("/amount")).isEqualTo("15000.00");
        assertThat(onCrm.json("/dealName")).isEqualTo("Lost replica");
        assertThat(onCrm.json("/stage")).isEqualTo("APPOINTMENT_SCHEDULED");
        assertThat(onCrm.json("/assignedRep/id")).isEqualTo(rep.id());
        assertThat(sameNotes(id, user)).isTrue();
        assertThat(activity(system.crm(), rep.token(), id)).isEqualTo(activity(system.partner(), user.token(), id));
        await().atMost(WAIT).until(() -> crmDealId.equals(system.crm().get("/api/shared-deals/" + id, rep.token())
                .json("/dealId")));

        // and sync simply goes on: the partner's next change reaches the rebuilt replica
        ok(system.partner().patch(note(id, deal.noteId()), user.token(), Map.of("body", "Scope v2")), 200);
        awaitNotes(system.crm(), rep.token(), id, items -> "Scope v2".equals(items.get(0).get("body").asString()));
    }

    @Test
    void aResyncFromTheCrmClosesAGapThePartnerHadParked() {
        NotedDeal deal = steps.notedDeal("Gap Partners", "Gap deal", rep, Origin.CRM, "Kick-off");
        PartnerUser user = deal.user();
        String id = deal.id();

        // an event of the CRM is lost before it was published: its sequence number is used, the event gone
        system.stopCrm();
        try (MongoClient client = MongoClients.create(system.crmMongoUri());
             OfflineStore crm = new OfflineStore(new MongoTemplate(client, "crm"), Origin.CRM)) {
            crm.sharedDeals().change(new SharedDealId(id), (document, clock) ->
                    document.deal().addNote(UUID.randomUUID().toString(), "This one never left the CRM", clock,
                            new Actor(ActorType.CRM_USER, rep.id(), rep.name())));
            crm.loseUnpublished(id);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            system.startCrm();
        }
        ok(system.crm().patch("/api/shared-deals/" + id, rep.token(), Map.of("stage", "CONTRACT_SENT")), 200);
        await().atMost(WAIT).until(() -> parked(system.partner(), PARTNER_ADMIN) > 0);
        assertThat(ok(system.partner().get("/api/shared-deals/" + id, user.token()), 200).json("/stage"))
                .as("the stage change waits behind the lost event").isNotEqualTo("CONTRACT_SENT");

        ok(system.crm().post("/admin/shared-deals/" + id + "/resync", CRM_ADMIN, Map.of()), 202);

        await().atMost(WAIT).until(() -> "CONTRACT_SENT".equals(system.partner().get("/api/shared-deals/" + id,
                user.token()).json("/stage")));
        awaitNotes(system.partner(), user.token(), id, items -> items.size() == 2);
        await().atMost(WAIT).until(() -> parked(system.partner(), PARTNER_ADMIN) == 0);
        assertThat(sameNotes(id, user)).isTrue();
    }

    @Test
    void resyncOfAnUnknownDealIsA404AndNeedsTheAdminToken() {
        assertThat(system.partner().post("/admin/shared-deals/no-such-deal/resync", PARTNER_ADMIN, Map.of())
                .status()).isEqualTo(404);
        PartnerUser user = system.newPartner("Not Admin Partners", 5);
        String id = steps.registerOnPartner(user, "Not admin");
        assertThat(system.partner().post("/admin/shared-deals/" + id + "/resync", user.token(), Map.of()).status())
                .isEqualTo(403);
    }

    private static boolean sameNotes(String id, PartnerUser user) {
        return ok(system.crm().get(notes(id), rep.token()), 200).bodyAsString()
                .equals(ok(system.partner().get(notes(id), user.token()), 200).bodyAsString());
    }

    private static List<String> activity(ApiClient api, String token, String id) {
        List<String> entries = new java.util.ArrayList<>();
        ok(api.get("/api/shared-deals/" + id + "/shared-activity", token), 200).node("/items")
                .forEach(item -> entries.add(item.get("eventId").asString() + " " + item.get("type").asString()));
        return entries;
    }

    private static long parked(ApiClient api, String adminToken) {
        ApiResponse status = ok(api.get("/admin/sync/status", adminToken), 200);
        var parked = status.node("/parked");
        if (parked.isNumber()) {
            return parked.asLong();
        }
        return parked.isArray() ? parked.size() : parked.path("total").asLong(parked.size());
    }
}
