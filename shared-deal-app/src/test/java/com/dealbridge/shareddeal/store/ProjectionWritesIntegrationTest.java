package com.dealbridge.shareddeal.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.mongo.embedded.EmbeddedMongoServers;
import com.dealbridge.sync.inbox.ConcurrentChangeException;
import com.dealbridge.sync.log.GroupCommit;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import de.bwaldvogel.mongo.MongoServer;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Saves of several deals written together: one bulk write per collection, and each save's own outcome. */
class ProjectionWritesIntegrationTest {

    private final MongoServer server = EmbeddedMongoServers.start("", 0);
    private final MongoClient client = MongoClients.create(EmbeddedMongoServers.connectionString(server, "t"));
    private final MongoDatabase db = client.getDatabase("t");
    private final MongoCollection<Document> notes = db.getCollection("notes");
    private final MongoCollection<Document> deals = db.getCollection("deals");
    private final ProjectionWrites writes = new ProjectionWrites(db.getCollection("comments"),
            db.getCollection("attachments"), notes, db.getCollection("imports"), deals);

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aSaveThatLostARaceFailsAloneAndWritesNothingAfterIt() {
        deals.insertOne(new Document("_id", "stale").append("v", 2L));
        notes.insertOne(new Document("_id", "taken").append("sharedDealId", "elsewhere").append("v", 1L));
        GroupCommit.Unit<ProjectionWrites.Save> fresh = unit(save("fresh", "n1", null));
        GroupCommit.Unit<ProjectionWrites.Save> stale = unit(save("stale", "n2", 1L));
        GroupCommit.Unit<ProjectionWrites.Save> taken = unit(save("taken-deal", "taken", null));

        writes.writeTogether(List.of(fresh, stale, taken));

        assertThat(fresh.failure()).isNull();
        assertThat(stale.failure()).isInstanceOf(ConcurrentChangeException.class);
        assertThat(taken.failure()).isInstanceOf(ConcurrentChangeException.class);
        assertThat(deals.find(Filters.eq("_id", "fresh")).first()).isNotNull();
        assertThat(notes.find(Filters.eq("_id", "n1")).first()).isNotNull();
        assertThat(deals.find(Filters.eq("_id", "stale")).first().get("v")).as("not overwritten").isEqualTo(2L);
        assertThat(deals.find(Filters.eq("_id", "taken-deal")).first())
                .as("a save whose note could not go in does not write its deal").isNull();
        assertThat(writes.hadInsertConflict("taken-deal")).isTrue();
        assertThat(writes.hadInsertConflict("fresh")).isFalse();
    }

    @Test
    void aSaveAloneIsWrittenAsBefore() {
        writes.write(save("alone", "n", null));

        assertThat(deals.countDocuments(Filters.eq("_id", "alone"))).isEqualTo(1);
        assertThat(notes.countDocuments(Filters.eq("_id", "n"))).isEqualTo(1);
    }

    /** A new note, then the deal: inserted when {@code loadedVersion} is null, else replaced at that version. */
    private static ProjectionWrites.Save save(String dealId, String noteId, Long loadedVersion) {
        ProjectionWrites.Save save = new ProjectionWrites.Save(dealId);
        save.add(ProjectionWrites.NOTES, new ProjectionWrites.Write(new InsertOneModel<>(new Document("_id", noteId)
                .append("sharedDealId", dealId).append("v", 1L)), noteId, 1));
        if (loadedVersion == null) {
            save.add(ProjectionWrites.DEALS, new ProjectionWrites.Write(new InsertOneModel<>(new Document("_id",
                    dealId).append("v", 1L)), dealId, 1));
        } else {
            save.add(ProjectionWrites.DEALS, new ProjectionWrites.Write(new ReplaceOneModel<>(new Document("_id",
                    dealId).append("v", loadedVersion), new Document("_id", dealId).append("v", loadedVersion + 1)),
                    dealId, loadedVersion + 1));
        }
        return save;
    }

    private static GroupCommit.Unit<ProjectionWrites.Save> unit(ProjectionWrites.Save save) {
        return new GroupCommit.Unit<>(save);
    }
}
