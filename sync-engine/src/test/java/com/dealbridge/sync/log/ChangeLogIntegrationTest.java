package com.dealbridge.sync.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealbridge.mongo.embedded.EmbeddedMongoServers;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The change log on the embedded MongoDB-wire server: inserting is the commit point, the unique key the dedupe. */
class ChangeLogIntegrationTest {

    private final MongoServer server = EmbeddedMongoServers.start("", 0);
    private final MongoClient client = MongoClients.create(EmbeddedMongoServers.connectionString(server, "t"));
    private final ChangeLog log = new ChangeLog(new MongoTemplate(client, "t"));

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void ownEntriesAreTheOutboxUntilMarkedPublished() {
        log.appendOwn(List.of(entry("a", "P", 1, "e1", 10), entry("a", "P", 2, "e2", 11)));

        assertThat(log.unpublished(100, null)).extracting(LogEntry::eventId).containsExactly("e1", "e2");
        log.markPublished(List.of(LogEntry.id("a", "P", 1)));
        assertThat(log.unpublished(100, null)).extracting(LogEntry::eventId).containsExactly("e2");
        assertThat(log.countUnpublished()).isEqualTo(1);
    }

    @Test
    void aPlaceTakenByAnotherWriterIsRefusedWithHowManyOfTheBatchWentIn() {
        log.appendOwn(List.of(entry("a", "P", 1, "theirs", 10), entry("a", "P", 3, "theirs-3", 12)));

        assertThatThrownBy(() -> log.appendOwn(List.of(entry("a", "P", 1, "mine", 20))))
                .isInstanceOf(SequenceTakenException.class)
                .satisfies(e -> assertThat(((SequenceTakenException) e).appended()).isZero());
        assertThatThrownBy(() -> log.appendOwn(List.of(entry("a", "P", 2, "mine-2", 21),
                entry("a", "P", 3, "mine-3", 22)))).isInstanceOf(SequenceTakenException.class)
                .satisfies(e -> assertThat(((SequenceTakenException) e).appended()).isEqualTo(1));
        assertThat(log.find("a", "P", 1, 10)).extracting(LogEntry::eventId)
                .containsExactly("theirs", "mine-2", "theirs-3");
    }

    @Test
    void concurrentAppendsWrittenTogetherFailOnlyTheWriterWhosePlaceIsTaken() {
        log.appendOwn(List.of(entry("b", "P", 2, "theirs", 10)));
        GroupCommit.Unit<ChangeLog.OwnAppend> a = own(entry("a", "P", 1, "a1", 20), entry("a", "P", 2, "a2", 21));
        GroupCommit.Unit<ChangeLog.OwnAppend> b = own(entry("b", "P", 1, "b1", 22), entry("b", "P", 2, "b2", 23));
        GroupCommit.Unit<ChangeLog.OwnAppend> c = own(entry("c", "P", 1, "c1", 24));

        log.appendOwnTogether(List.of(a, b, c));

        assertThat(a.failure()).isNull();
        assertThat(b.failure()).isInstanceOf(SequenceTakenException.class)
                .satisfies(e -> assertThat(((SequenceTakenException) e).appended()).isEqualTo(1));
        assertThat(c.failure()).as("written in the next insert, after the one that stopped").isNull();
        assertThat(List.of(a, b, c)).allMatch(GroupCommit.Unit::isDone);
        assertThat(log.find("a", "P", 1, 5)).extracting(LogEntry::eventId).containsExactly("a1", "a2");
        assertThat(log.find("b", "P", 1, 5)).extracting(LogEntry::eventId).containsExactly("b1", "theirs");
        assertThat(log.find("c", "P", 1, 5)).extracting(LogEntry::eventId).containsExactly("c1");
    }

    @Test
    void receivedEntriesWrittenTogetherReportDuplicatesToTheirOwnWriter() {
        log.insertReceived(List.of(entry("b", "C", 1, "b1", 10)), Set.of());
        GroupCommit.Unit<List<org.bson.Document>> a = received(entry("a", "C", 1, "a1", 20));
        GroupCommit.Unit<List<org.bson.Document>> b = received(entry("b", "C", 2, "b2", 21),
                entry("b", "C", 1, "b1", 10));

        log.insertReceivedTogether(List.of(a, b));

        assertThat(a.failure()).isNull();
        assertThat(b.failure()).isNull();
        assertThat(log.find("a", "C", 1, 5)).extracting(LogEntry::eventId).containsExactly("a1");
        assertThat(log.find("b", "C", 1, 5)).extracting(LogEntry::eventId).containsExactly("b1", "b2");
        assertThat(log.insertReceived(List.of(entry("a", "C", 2, "a2", 30), entry("b", "C", 1, "forged", 31)),
                Set.of())).containsExactly(ChangeLog.Received.INSERTED, ChangeLog.Received.CONFLICT);
    }

    @Test
    void receivedTwiceIsADuplicateAndTheSamePlaceWithAnotherEventIsAConflict() {
        log.insertReceived(List.of(entry("a", "C", 1, "e1", 10)), Set.of());

        assertThat(log.insertReceived(List.of(entry("a", "C", 1, "e1", 10), entry("a", "C", 1, "forged", 10),
                entry("a", "C", 2, "e2", 11)), Set.of())).containsExactly(ChangeLog.Received.DUPLICATE,
                ChangeLog.Received.CONFLICT, ChangeLog.Received.INSERTED);
        assertThat(log.find("a", "C", 1, 2)).extracting(LogEntry::eventId).containsExactly("e1", "e2");
        assertThat(log.unpublished(100, null)).as("received entries are never this side's outbox").isEmpty();
    }

    @Test
    void anAggregatesPagesComeInClockOrderWhateverOrderTheyWereLoggedIn() {
        log.insertReceived(List.of(entry("a", "C", 1, "c1", 30)), Set.of());
        log.appendOwn(List.of(entry("a", "P", 1, "p1", 20), entry("a", "P", 2, "p2", 40)));
        log.appendOwn(List.of(entry("other", "P", 1, "x", 10)));

        assertThat(log.page("a", List.of(), 0, 10)).extracting(LogEntry::eventId).containsExactly("p1", "c1", "p2");
        assertThat(log.page("a", List.of(), 1, 1)).extracting(LogEntry::eventId).containsExactly("c1");
        assertThat(log.count("a", List.of())).isEqualTo(3);
        assertThat(log.count("a", List.of("Counted"))).isZero();
        assertThat(log.count("a", List.of("Other"))).isEqualTo(3);
        assertThat(log.page("a", List.of("Counted"), 0, 10)).isEmpty();
    }

    @Test
    void theIndexAnEarlierVersionReadPagesFromIsDroppedForOneWithTheWholeSort() {
        client.getDatabase("t").getCollection(ChangeLog.COLLECTION).dropIndexes();
        client.getDatabase("t").getCollection(ChangeLog.COLLECTION).createIndex(
                com.mongodb.client.model.Indexes.ascending("aggregateId", "hlcWall", "hlcCounter", "origin"));

        new ChangeLog(new MongoTemplate(client, "t"));

        List<String> names = client.getDatabase("t").getCollection(ChangeLog.COLLECTION).listIndexes()
                .map(index -> index.getString("name")).into(new java.util.ArrayList<>());
        assertThat(names).contains("aggregateId_1_hlcWall_1_hlcCounter_1_origin_1_eventId_1")
                .doesNotContain("aggregateId_1_hlcWall_1_hlcCounter_1_origin_1");
    }

    @Test
    void eventsAtTheSameClockPageInEventIdOrder() {
        log.insertReceived(List.of(entry("a", "C", 1, "e3", 30), entry("a", "C", 2, "e1", 30),
                entry("a", "C", 3, "e2", 30)), Set.of());

        assertThat(log.page("a", List.of(), 0, 10)).extracting(LogEntry::eventId).containsExactly("e1", "e2", "e3");
        assertThat(log.page("a", List.of(), 2, 1)).extracting(LogEntry::eventId).containsExactly("e3");
    }

    @Test
    void parkedEntriesAreFoundPerAggregateAndReleased() {
        log.insertReceived(List.of(entry("a", "C", 3, "c3", 30), entry("a", "C", 4, "c4", 31)),
                Set.of(LogEntry.id("a", "C", 3), LogEntry.id("a", "C", 4)));
        log.insertReceived(List.of(entry("b", "C", 2, "b2", 30)), Set.of(LogEntry.id("b", "C", 2)));

        assertThat(log.parked("a")).extracting(LogEntry::sequence).containsExactly(3L, 4L);
        log.setParked(List.of(LogEntry.id("a", "C", 3)), false);
        assertThat(log.parked("a")).extracting(LogEntry::sequence).containsExactly(4L);
        assertThat(log.countParked()).isEqualTo(2);
    }

    static LogEntry entry(String aggregate, String origin, long sequence, String eventId, long wall) {
        return new LogEntry(aggregate, origin, sequence, eventId, "Counted", wall, 0, Instant.ofEpochMilli(wall),
                eventId.getBytes(StandardCharsets.UTF_8));
    }

    @SafeVarargs
    private static GroupCommit.Unit<ChangeLog.OwnAppend> own(LogEntry... entries) {
        List<LogEntry> batch = List.of(entries);
        return new GroupCommit.Unit<>(new ChangeLog.OwnAppend(batch, batch.stream()
                .map(entry -> ChangeLog.document(entry, true, false)).toList()));
    }

    private static GroupCommit.Unit<List<org.bson.Document>> received(LogEntry... entries) {
        return new GroupCommit.Unit<>(List.of(entries).stream()
                .map(entry -> ChangeLog.document(entry, false, false)).toList());
    }
}
