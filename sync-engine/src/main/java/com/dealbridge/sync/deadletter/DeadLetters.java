package com.dealbridge.sync.deadletter;

import com.dealbridge.sync.inbox.Inbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Records the consumer can never apply as they are: sent to {@code <topic>.dlt} (spring-kafka's standard
 * {@code kafka_dlt-*} headers, plus {@code dealbridge-dlt-reason}) before the poll's offsets are committed, and
 * kept in {@code dead_letters} for the status page and a replay once the cause is fixed.
 */
public class DeadLetters {

    public static final String REASON_HEADER = "dealbridge-dlt-reason";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final MongoOperations mongo;
    private final DeadLetterPublishingRecoverer publisher;
    private final String inboundTopic;
    private final Clock clock;
    private final Counter counted;

    public DeadLetters(MongoOperations mongo, DeadLetterPublishingRecoverer publisher, String inboundTopic,
                       Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.inboundTopic = inboundTopic;
        this.clock = clock;
        this.counted = Counter.builder("dealbridge.dead.letters").description("records sent to a dead-letter topic")
                .tag("topic", inboundTopic).register(meters);
    }

    /** Publishes the record to the dead-letter topic (waiting for Kafka) and keeps a copy; idempotent per offset. */
    public void deadLetter(ConsumerRecord<String, byte[]> record, Exception failure) {
        String reason = reason(failure);
        record.headers().add(new RecordHeader(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8)));
        publisher.accept(record, failure);
        String id = record.topic() + "-" + record.partition() + "@" + record.offset();
        mongo.save(new DeadLetter(id, record.topic(), record.partition(), record.offset(), record.key(),
                record.value(), reason, clock.instant(), false, null, null));
        counted.increment();
        log.warn("dead-lettered {} (key {}): {}", id, record.key(), reason, failure);
    }

    /** The topic this side consumes. */
    public String inboundTopic() {
        return inboundTopic;
    }

    /** Applies every not yet replayed dead letter of the inbox again, oldest first. */
    public ReplayResult replay(Inbox<?> inbox) {
        Query query = Query.query(Criteria.where("replayed").is(false).and("topic").is(inboundTopic))
                .with(Sort.by("failedAt"));
        List<String> failed = new ArrayList<>();
        int replayed = 0;
        for (DeadLetter letter : mongo.find(query, DeadLetter.class)) {
            try {
                if (letter.payload() == null) {
                    throw new IllegalStateException("no payload kept");
                }
                inbox.replay(new ConsumerRecord<>(letter.topic(), letter.partition(), letter.offset(),
                        letter.key(), letter.payload()));
                mongo.save(letter.replayedOk(clock.instant()));
                replayed++;
            } catch (RuntimeException e) {
                mongo.save(letter.replayFailed(reason(e)));
                failed.add(letter.id() + ": " + reason(e));
            }
        }
        return new ReplayResult(replayed, failed.size(), failed);
    }

    public long count(boolean replayed) {
        return mongo.count(Query.query(Criteria.where("replayed").is(replayed)), DeadLetter.class);
    }

    public List<DeadLetter> latest(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "failedAt")).limit(limit), DeadLetter.class);
    }

    /** The innermost meaningful message: what went wrong, not the listener plumbing around it. */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    public record ReplayResult(int replayed, int failed, List<String> failures) {
    }
}
