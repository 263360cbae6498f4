package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.store.SharedDeals;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

/**
 * A deal far past the size at which one document per deal hit MongoDB's 16 MB limit (about 16,000 notes): with
 * 20,000 shared notes it still takes writes from the API, lists its notes page by page, keeps a small deal
 * document, and every note reaches the CRM.
 */
class BigDealEndToEndTest extends CollaborationSystemTest {

    private static final int NOTES = 20_000;
    private static final int WRITERS = 32;

    @Test
    void aDealWithTwentyThousandNotesAcceptsWritesAndReachesTheCrm() throws Exception {
        PartnerUser user = system.newPartner("Big Deal Partners", 5);
        String dealId = steps.registerOnPartner(user, "Twenty thousand notes");
        fill(dealId, new Actor(ActorType.PARTNER_USER, user.userId(), user.name()));

        String last = CollaborationSteps.addNote(system.partner(), user.token(), dealId, "note number 20,001");

        assertThat(ok(system.partner().get(CollaborationSteps.notes(dealId) + "?size=1", user.token()), 200)
                .json("/total")).isEqualTo(String.valueOf(NOTES + 1));
        assertThat(ok(system.partner().get(CollaborationSteps.note(dealId, last), user.token()), 200)
                .json("/body")).isEqualTo("note number 20,001");
        assertThat(ok(system.partner().get(CollaborationSteps.notes(dealId) + "?size=500&page=40", user.token()),
                200).size("/items")).isEqualTo(NOTES + 1 - 40 * 500);
        assertThat(dealDocumentBytes(dealId)).as("the deal document holds counters, not notes")
                .isLessThan(16 * 1024);
        await().atMost(Duration.ofMinutes(3)).until(() -> "20001".equals(system.crm()
                .get(CollaborationSteps.notes(dealId) + "?size=1", rep.token()).json("/total")));
        assertThat(ok(system.crm().get(CollaborationSteps.note(dealId, last), rep.token()), 200).json("/body"))
                .isEqualTo("note number 20,001");
    }

    /** Adds the notes through the partner's engine from many threads at once, as many API clients would. */
    private static void fill(String dealId, Actor actor) throws Exception {
        SharedDeals sharedDeals = system.partnerBean(SharedDeals.class);
        SharedDealId id = new SharedDealId(dealId);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < NOTES; i++) {
                String body = "note number " + (i + 1);
                done.add(writers.submit(() -> {
                    String noteId = UUID.randomUUID().toString();
                    sharedDeals.change(id, (document, clock) -> {
                        document.assumeNewNote(noteId);
                        document.deal().addNote(noteId, body, clock, actor);
                    });
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }

    private static long dealDocumentBytes(String dealId) {
        try (MongoClient client = MongoClients.create(system.partnerMongoUri())) {
            RawBsonDocument deal = client.getDatabase("partner").getCollection("shared_deals", RawBsonDocument.class)
                    .find(Filters.eq("_id", dealId)).first();
            return deal.getByteBuffer().remaining();
        }
    }
}
