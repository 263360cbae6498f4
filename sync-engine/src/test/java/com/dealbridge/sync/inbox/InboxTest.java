package com.dealbridge.sync.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.mongo.embedded.EmbeddedMongoServers;
import com.dealbridge.sync.log.ChangeLog;
import com.dealbridge.sync.log.LogEntry;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The inbox's rules on a toy aggregate that knows nothing of deals — a list of words per aggregate, where a word
 * {@code "snapshot:<text>"} stands for everything its origin said up to it: in order, once, gaps parked in the log
 * and applied when they fill, refusals stopping their origin. The replica's check refuses {@code "forged"} before
 * anything is stored; applying refuses {@code "refuse"}, and {@code "half:<text>"} after changing the working set.
 */
class InboxTest {

    private final MongoServer server = EmbeddedMongoServers.start("", 0);
    private final MongoClient client = MongoClients.create(EmbeddedMongoServers.connectionString(server, "t"));
    private final ChangeLog changeLog = new ChangeLog(new MongoTemplate(client, "t"));
    private final Words words = new Words();
    private final List<String> refused = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Inbox<Words.Working> inbox = new Inbox<>(changeLog, words, InboxTest::read, null, null,
            InboxProperties.defaults(), "words", meters);

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void appliesInOrderAndOnceWhateverIsRedelivered() {
        receive(record(1, "a"), record(2, "b"), record(1, "a"));
        receive(record(2, "b"), record(3, "c"));

        assertThat(words.of("deal")).containsExactly("a", "b", "c");
        assertThat(refused).isEmpty();
    }

    @Test
    void anEventAfterAGapWaitsInTheLogAndFollowsWhenTheGapFills() {
        receive(record(1, "a"), record(3, "c"), record(4, "d"));
        assertThat(words.of("deal")).containsExactly("a");
        assertThat(changeLog.parked("deal")).extracting(LogEntry::sequence).containsExactly(3L, 4L);
        assertThat(words.parked("deal")).isEqualTo(2);

        receive(record(2, "b"));

        assertThat(words.of("deal")).containsExactly("a", "b", "c", "d");
        assertThat(changeLog.parked("deal")).isEmpty();
        assertThat(words.parked("deal")).isZero();
    }

    @Test
    void aSnapshotCoversTheGapBeforeIt() {
        receive(record(1, "a"), record(3, "c"));
        receive(record(4, "snapshot:abcd"), record(5, "e"));

        assertThat(words.of("deal")).containsExactly("a", "snapshot:abcd", "e");
        assertThat(changeLog.parked("deal")).as("covered by the snapshot").isEmpty();
    }

    @Test
    void aRefusedEventStopsItsOriginAndWhatFollowsWaitsBehindIt() {
        receive(record(1, "a"), record(2, "refuse"), record(3, "c"));

        assertThat(words.of("deal")).containsExactly("a");
        assertThat(refused).containsExactly("refuse");
        assertThat(changeLog.parked("deal")).extracting(LogEntry::sequence).containsExactly(3L);
    }

    @Test
    void aNumberReusedForAnotherEventIsRefusedNeverTakenForADuplicate() {
        receive(record(1, "a"));
        receive(new ConsumerRecord<>("words", 0, 9, "deal", bytes(2, "b", "event-b")));
        receive(new ConsumerRecord<>("words", 0, 10, "deal", bytes(3, "x", "event-x")),
                new ConsumerRecord<>("words", 0, 11, "deal", bytes(3, "y", "event-y")));

        assertThat(refused).containsExactly("y");
        assertThat(words.of("deal")).containsExactly("a", "b", "x");
    }

    @Test
    void anEventTheCheckRefusesTakesNoPlaceSoTheGenuineOneIsAppliedInTheSameOrALaterPoll() {
        receive(record(1, "a"));
        receive(new ConsumerRecord<>("words", 0, 20, "deal", bytes(2, "forged", "event-forged")),
                new ConsumerRecord<>("words", 0, 21, "deal", bytes(2, "b", "event-b")));
        receive(new ConsumerRecord<>("words", 0, 22, "deal", bytes(3, "forged", "event-forged-3")));
        receive(record(3, "c"));

        assertThat(refused).containsExactly("forged", "forged");
        assertThat(words.of("deal")).containsExactly("a", "b", "c");
        assertThat(changeLog.find("deal", "OTHER", 1, 10)).extracting(LogEntry::eventId)
                .containsExactly("event-a", "event-b", "event-c");
    }

    @Test
    void anEventRefusedOnApplyingLeavesItsPlaceToTheGenuineOneOfTheSamePoll() {
        receive(record(1, "a"), new ConsumerRecord<>("words", 0, 20, "deal", bytes(2, "refuse", "event-r")),
                new ConsumerRecord<>("words", 0, 21, "deal", bytes(2, "b", "event-b")), record(3, "c"));

        assertThat(refused).containsExactly("refuse");
        assertThat(words.of("deal")).containsExactly("a", "b", "c");
        assertThat(changeLog.parked("deal")).isEmpty();
        assertThat(words.parked("deal")).isZero();
    }

    @Test
    void nothingAnEventChangedBeforeItWasRefusedIsSaved() {
        receive(record(1, "a"), record(2, "half:b"), record(3, "c"));

        assertThat(refused).containsExactly("half:b");
        assertThat(words.of("deal")).containsExactly("a");
        assertThat(changeLog.parked("deal")).extracting(LogEntry::sequence).containsExactly(3L);
        assertThat(words.parked("deal")).isEqualTo(1);

        receive(record(2, "b"));

        assertThat(words.of("deal")).containsExactly("a", "b", "c");
        assertThat(changeLog.parked("deal")).isEmpty();
    }

    @Test
    void aParkedEventRefusedWhenItsTurnComesChangesNothingAndTheEventsBeforeItStay() {
        receive(record(1, "a"), record(3, "half:c"), record(4, "d"));
        receive(record(2, "b"));

        assertThat(refused).containsExactly("half:c");
        assertThat(words.of("deal")).containsExactly("a", "b");
        assertThat(changeLog.parked("deal")).extracting(LogEntry::sequence).containsExactly(4L);
        assertThat(words.parked("deal")).isEqualTo(1);
    }

    @Test
    void aSequenceNoSenderCouldHaveReachedIsRefused() {
        receive(record(1, "a"), record(1_000_000_000_000L, "snapshot:forged"));

        assertThat(refused).containsExactly("snapshot:forged");
        assertThat(words.of("deal")).containsExactly("a");
    }

    @Test
    void applyingAgainAfterLosingARaceEndsTheSame() {
        words.failNextSave = true;
        receive(record(1, "a"), record(2, "b"));

        assertThat(words.of("deal")).containsExactly("a", "b");
    }

    @Test
    void anEventIsCountedAsAppliedOnceWithItsLagAlthoughItsPassRanThreeTimes() {
        words.failNextSave = true;
        long before = System.currentTimeMillis();
        // pass 1 meets the refusal, pass 2 loses a race when saving, pass 3 saves "a"
        receive(record(1, "a"), record(2, "half:b"), record(3, "c"));

        assertThat(words.of("deal")).containsExactly("a");
        assertThat(meters.get("dealbridge.inbox.applied").counter().count()).isEqualTo(1);
        Timer lag = meters.get("dealbridge.propagation.lag").tag("topic", "words").timer();
        assertThat(lag.count()).isEqualTo(1);
        assertThat(lag.totalTime(TimeUnit.MILLISECONDS)).as("from occurredAt (1 ms after the epoch) to now")
                .isGreaterThanOrEqualTo(before - 1);
    }

    @Test
    void aDuplicateIsCountedAsADuplicateAndAParkedEventAsAppliedWhenItsTurnComes() {
        receive(record(1, "a"), record(3, "c"));
        receive(record(1, "a"));
        assertThat(meters.get("dealbridge.inbox.applied").counter().count()).isEqualTo(1);
        assertThat(meters.get("dealbridge.inbox.duplicates").counter().count()).isEqualTo(1);

        receive(record(2, "b"), record(2, "b"));

        assertThat(meters.get("dealbridge.inbox.duplicates").counter().count()).as("twice in one poll").isEqualTo(2);
        assertThat(meters.get("dealbridge.inbox.applied").counter().count()).isEqualTo(3);
        assertThat(meters.get("dealbridge.propagation.lag").timer().count()).isEqualTo(3);
    }

    private void receive(ConsumerRecord<String, byte[]>... records) {
        List<InboxWork.Item> items = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            items.add(new InboxWork.Item(record, read(record)));
        }
        inbox.receive("deal", new InboxWork(items, (record, reason) -> refused.add(word(record.value()))));
    }

    private static ConsumerRecord<String, byte[]> record(long sequence, String word) {
        return new ConsumerRecord<>("words", 0, sequence, "deal", bytes(sequence, word, "event-" + word));
    }

    private static byte[] bytes(long sequence, String word, String eventId) {
        return (sequence + "|" + word + "|" + eventId).getBytes(StandardCharsets.UTF_8);
    }

    private static String word(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).split("\\|")[1];
    }

    static Received read(ConsumerRecord<String, byte[]> record) {
        String[] parts = new String(record.value(), StandardCharsets.UTF_8).split("\\|");
        long sequence = Long.parseLong(parts[0]);
        LogEntry entry = new LogEntry(record.key(), "OTHER", sequence, parts[2], "Word", sequence, 0,
                Instant.ofEpochMilli(sequence), record.value());
        return new Received.Sequenced(entry, parts[1], parts[1].startsWith("snapshot:"));
    }

    /** The toy replica: words per aggregate, kept in memory, with a version so a save can lose a race. */
    static class Words implements Replica<Words.Working> {

        record Stored(List<String> words, long mark, long parked, long version) {
        }

        static final class Working {
            final String id;
            final List<String> words;
            long mark;
            long parked;
            final long version;

            Working(String id, Stored stored) {
                this.id = id;
                this.words = new ArrayList<>(stored.words());
                this.mark = stored.mark();
                this.parked = stored.parked();
                this.version = stored.version();
            }
        }

        private final Map<String, Stored> stored = new HashMap<>();
        boolean failNextSave;

        List<String> of(String id) {
            return stored.getOrDefault(id, new Stored(List.of(), 0, 0, 0)).words();
        }

        long parked(String id) {
            return stored.getOrDefault(id, new Stored(List.of(), 0, 0, 0)).parked();
        }

        @Override
        public Working load(String aggregateId) {
            return new Working(aggregateId, stored.getOrDefault(aggregateId, new Stored(List.of(), 0, 0, 0)));
        }

        @Override
        public long mark(Working working, String origin) {
            return working.mark;
        }

        @Override
        public long parked(Working working) {
            return working.parked;
        }

        @Override
        public void setParked(Working working, long parked) {
            working.parked = parked;
        }

        @Override
        public void check(Working working, Received.Sequenced event) {
            if (event.event().equals("forged")) {
                throw new InvalidEventException("refused before it is stored: forged");
            }
        }

        @Override
        public void apply(Working working, Received.Sequenced event) {
            String word = (String) event.event();
            if (word.equals("refuse")) {
                throw new InvalidEventException("refused: " + word);
            }
            working.words.add(word);
            if (word.startsWith("half:")) {
                throw new InvalidEventException("refused after changing the working set: " + word);
            }
            working.mark = event.entry().sequence();
        }

        @Override
        public void receive(Working working, Received.Unsequenced message) {
        }

        @Override
        public void save(Working working) {
            if (failNextSave) {
                failNextSave = false;
                throw new ConcurrentChangeException("another writer saved first");
            }
            stored.put(working.id, new Stored(List.copyOf(working.words), working.mark, working.parked,
                    working.version + 1));
        }
    }
}
