package com.dealbridge.shareddeal.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.mongo.embedded.EmbeddedMongoServers;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The Shared tab's check of which notes and comments of a page are still there: deleted and unknown ids are not. */
class LiveIdsIntegrationTest {

    private final MongoServer server = EmbeddedMongoServers.start("", 0);
    private final MongoClient client = MongoClients.create(EmbeddedMongoServers.connectionString(server, "t"));
    private final ProjectionStore store = new ProjectionStore(new MongoTemplate(client, "t"));

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void deletedUnknownAndUnmarkedIdsAreNotLive() {
        MongoCollection<Document> notes = client.getDatabase("t").getCollection(NoteDocuments.NOTES);
        notes.insertMany(List.of(new Document("_id", "kept").append("deleted", false),
                new Document("_id", "gone").append("deleted", true), new Document("_id", "unmarked"),
                new Document("_id", "not-asked").append("deleted", false)));

        assertThat(store.liveNotes(List.of("kept", "gone", "unmarked", "unknown"))).containsExactly("kept");
        assertThat(store.liveNotes(List.of())).isEmpty();
    }
}
