package com.dealbridge.kit.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.mongo.embedded.EmbeddedMongoServers;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class MongoPagesTest {

    @Document("things")
    record Thing(@Id String id, String owner, String name) {
    }

    static MongoServer server;
    static MongoClient client;
    static MongoTemplate mongo;

    @BeforeAll
    static void startStore() {
        server = EmbeddedMongoServers.start(null, 0);
        client = MongoClients.create(EmbeddedMongoServers.connectionString(server, "kit-pages"));
        mongo = new MongoTemplate(client, "kit-pages");
    }

    @AfterAll
    static void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void someThings() {
        mongo.dropCollection(Thing.class);
        // Equal names on purpose: only the _id tiebreak gives them one order across pages.
        mongo.insertAll(List.of(new Thing("e", "o-1", "same"), new Thing("a", "o-1", "same"),
                new Thing("d", "o-1", "same"), new Thing("b", "o-1", "first"), new Thing("c", "o-1", "same"),
                new Thing("z", "o-2", "first")));
    }

    @Test
    void pagesCoverTheWholeListOnceInAStableOrder() {
        Query ofOwner = Query.query(Criteria.where("owner").is("o-1"));
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            ListResponse<Thing> result = MongoPages.find(mongo, ofOwner, Sort.by("name"), Thing.class,
                    Paging.of(page, 2));
            assertThat(result.total()).isEqualTo(5);
            assertThat(result.page()).isEqualTo(page);
            assertThat(result.size()).isEqualTo(2);
            result.items().forEach(thing -> seen.add(thing.id()));
        }
        assertThat(seen).containsExactly("b", "a", "c", "d", "e");
    }

    @Test
    void aPageBeyondTheEndIsEmptyButKeepsTheTotal() {
        ListResponse<Thing> last = MongoPages.find(mongo, new Query(), Sort.by("name"), Thing.class,
                Paging.of(2, 2));
        assertThat(last.items()).extracting(Thing::id).containsExactly("d", "e");
        ListResponse<Thing> beyond = MongoPages.find(mongo, new Query(), Sort.by("name"), Thing.class,
                Paging.of(3, 2));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(6);
    }

    @Test
    void addsTheIdTiebreakOnlyWhenMissing() {
        assertThat(MongoPages.stable(Sort.by("name"))).isEqualTo(Sort.by("name", "_id"));
        assertThat(MongoPages.stable(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))))
                .isEqualTo(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")));
    }

    @Test
    void unknownIdsAreThoseNotStoredOrOutsideTheScopeInTheOrderGiven() {
        assertThat(MongoIds.unknown(mongo, Thing.class, List.of("y", "a", "z", "x"), null))
                .containsExactly("y", "x");
        assertThat(MongoIds.unknown(mongo, Thing.class, List.of("y", "a", "z", "x"),
                Criteria.where("owner").is("o-1"))).containsExactly("y", "z", "x");
        assertThat(MongoIds.unknown(mongo, Thing.class, List.of(), null)).isEmpty();
    }

    @Test
    void listResponseMapsItemsAndKeepsThePage() {
        ListResponse<Thing> page = MongoPages.find(mongo, new Query(), Sort.by("name"), Thing.class,
                Paging.of(0, 2));
        ListResponse<String> ids = page.map(Thing::id);
        assertThat(ids).isEqualTo(new ListResponse<>(List.of("b", "z"), 6, 0, 2));
    }
}
