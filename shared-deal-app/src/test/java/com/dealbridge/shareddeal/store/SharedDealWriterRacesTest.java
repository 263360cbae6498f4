package com.dealbridge.shareddeal.store;

import static com.dealbridge.shareddeal.domain.Fixtures.PARTNER_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.mongo.embedded.DurableMemoryBackend;
import com.dealbridge.shareddeal.domain.Fixtures;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.sync.log.ChangeLog;
import com.dealbridge.sync.log.LogEntry;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A change whose deal document keeps being saved by other instances: its event is in the change log (the commit
 * point) before the document is saved, so losing races afterwards must neither fail the request — a client told
 * "failed" sends the change again and makes it twice — nor lose the change.
 */
class SharedDealWriterRacesTest {

    private final MongoServer server = new MongoServer(DurableMemoryBackend.inMemory());
    private final AtomicInteger racesToLose = new AtomicInteger();
    private MongoClient client;
    private MongoTemplate mongo;
    private OfflineStore instance;

    @BeforeEach
    void start() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = new MongoTemplate(client, "side");
        instance = new OfflineStore(mongo, Origin.PARTNER, racesToLose);
    }

    @AfterEach
    void stop() throws InterruptedException {
        instance.close();
        client.close();
        server.shutdownNow();
    }

    @Test
    void aNoteWhoseSaveLosesAFewRacesIsSavedOnATryAfterThem() {
        SharedDealId id = registered();
        racesToLose.set(5);

        addNote(id, "note-1");

        assertThat(racesToLose).hasValue(0);
        assertThat(instance.sharedDeals().find(id).orElseThrow().deal().note("note-1")).isPresent();
    }

    @Test
    void aCommittedNoteWhoseSaveLosesEveryRaceIsAcceptedAndProjectedByTheDealsNextChange() {
        SharedDealId id = registered();
        racesToLose.set(Integer.MAX_VALUE);

        addNote(id, "note-1"); // answers, as its event is committed: no exception

        assertThat(new ChangeLog(mongo).find(id.value(), "PARTNER", 2, 1)).extracting(LogEntry::type)
                .containsExactly("SharedNoteAdded");
        racesToLose.set(0);
        addNote(id, "note-2");
        var deal = instance.sharedDeals().find(id).orElseThrow().deal();
        assertThat(deal.note("note-1")).as("the committed note, projected by the next change").isPresent();
        assertThat(deal.note("note-2")).isPresent();
        assertThat(deal.localSequence()).isEqualTo(3);
        assertThat(new ChangeLog(mongo).find(id.value(), "PARTNER", 1, 10)).extracting(LogEntry::sequence)
                .containsExactly(1L, 2L, 3L);
    }

    private SharedDealId registered() {
        SharedDealId id = SharedDealId.random();
        instance.sharedDeals().register(Fixtures.partnerRegistration(id), PARTNER_USER, null);
        return id;
    }

    private void addNote(SharedDealId id, String noteId) {
        instance.sharedDeals().change(id, (document, clock) -> document.deal().addNote(noteId, "text of " + noteId,
                clock, PARTNER_USER));
    }
}
