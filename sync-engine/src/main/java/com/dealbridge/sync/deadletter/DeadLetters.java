package com.dealbridge.sync.deadletter;

import com.dealbridge.sync.config.SyncTopics;
import com.dealbridge.sync.inbox.Inbox;
import com.dealbridge.sync.inbox.InvalidEventException;
import com.dealbridge.sync.log.IndexedCount;
import com.dealbridge.sync.trace.SyncTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
 * kept in {@code dead_letters} for the status page and a replay once the cause is fixed. Whatever a record holds,
 * its dead letter can be published, since a dead letter that cannot be would stop the consumer: a reason that
 * quotes the record at length is cut short, and a record too large to publish again with the dead-letter headers
 * is published without its value (its bytes are kept in {@code dead_letters}).
 */
public class DeadLetters {

    public static final String REASON_HEADER = "dealbridge-dlt-reason";
    /** On a dead letter published without the record's value: its size, and where the bytes are. */
    public static final String VALUE_OMITTED_HEADER = "dealbridge-dlt-value-omitted";
    /** The longest reason kept; a longer one (a message quoting the record) is cut, saying how long it was. */
    public static final int MAX_REASON_CHARS = 2000;
    /** Kafka's default {@code max.request.size}. */
    public static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final MongoOperations mongo;
    private final DeadLetterPublishingRecoverer publisher;
    private final String inboundTopic;
    private final Clock clock;
    private final Counter counted;
    private final int maxRequestSize;

    public DeadLetters(MongoOperations mongo, DeadLetterPublishingRecoverer publisher, String inboundTopic,
                       Clock clock, MeterRegistry meters) {
        this(mongo, publisher, inboundTopic, clock, meters, DEFAULT_MAX_REQUEST_SIZE);
    }

    /** @param maxRequestSize the dead-letter producer's {@code max.request.size}: the largest record it may send */
    public DeadLetters(MongoOperations mongo, DeadLetterPublishingRecoverer publisher, String inboundTopic,
                       Clock clock, MeterRegistry meters, int maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
        this.mongo = mongo;
        this.publisher = publisher;
        this.inboundTopic = inboundTopic;
        this.clock = clock;
        this.counted = counter(meters, inboundTopic, SyncTopics.deadLetter(inboundTopic));
    }

    /**
     * The count of records a consumer gave up on ({@code dealbridge_dead_letters_total}), by the topic they were
     * read from and the dead-letter topic they went to; every consumer that dead-letters counts here, so one alert
     * on the counter covers them all.
     */
    public static Counter counter(MeterRegistry meters, String topic, String deadLetterTopic) {
        return Counter.builder("dealbridge.dead.letters").description("records sent to a dead-letter topic")
                .tag("topic", topic).tag("dead_letter_topic", deadLetterTopic).register(meters);
    }

    /** Publishes the record to the dead-letter topic (waiting for Kafka) and keeps a copy; idempotent per offset. */
    public void deadLetter(ConsumerRecord<String, byte[]> record, Exception failure) {
        String reason = reason(failure);
        Exception shown = withShortMessages(failure);
        record.headers().remove(REASON_HEADER);
        record.headers().add(new RecordHeader(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8)));
        publish(record, shown);
        String id = record.topic() + "-" + record.partition() + "@" + record.offset();
        mongo.save(new DeadLetter(id, record.topic(), record.partition(), record.offset(), record.key(),
                record.value(), reason, clock.instant(), false, null, null, SyncTracing.traceparent(record)));
        counted.increment();
        log.warn("dead-lettered {} (key {}): {}", id, record.key(), reason, shown);
    }

    /**
     * Publishes the dead letter; without the record's value when the copy with spring-kafka's headers (the
     * failure's stack trace among them) would be larger than the producer may send, or the broker refused it as
     * too large.
     */
    private void publish(ConsumerRecord<String, byte[]> record, Exception failure) {
        if (record.value() != null && estimatedSize(record, failure) > maxRequestSize) {
            publisher.accept(withoutValue(record), failure);
            return;
        }
        try {
            publisher.accept(record, failure);
        } catch (RuntimeException e) {
            if (record.value() == null || !causedBy(e, RecordTooLargeException.class)) {
                throw e;
            }
            publisher.accept(withoutValue(record), failure);
        }
    }

    /** The dead letter's size with a margin for the headers spring-kafka adds besides the stack trace. */
    private static long estimatedSize(ConsumerRecord<String, byte[]> record, Exception failure) {
        long size = record.value().length + 4096L;
        if (record.key() != null) {
            size += record.key().length() * 3L;
        }
        for (Header header : record.headers()) {
            size += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return size + trace.toString().getBytes(StandardCharsets.UTF_8).length
                + (failure.getMessage() == null ? 0 : failure.getMessage().getBytes(StandardCharsets.UTF_8).length);
    }

    private ConsumerRecord<String, byte[]> withoutValue(ConsumerRecord<String, byte[]> record) {
        ConsumerRecord<String, byte[]> withoutValue = new ConsumerRecord<>(record.topic(), record.partition(),
                record.offset(), record.timestamp(), record.timestampType(), ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE, record.key(), null, new RecordHeaders(record.headers().toArray()),
                record.leaderEpoch());
        withoutValue.headers().add(new RecordHeader(VALUE_OMITTED_HEADER, (record.value().length
                + " bytes, too large to publish again: kept in dead_letters").getBytes(StandardCharsets.UTF_8)));
        log.warn("{}-{}@{} is too large to publish again with the dead-letter headers: published without its value",
                record.topic(), record.partition(), record.offset());
        return withoutValue;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure as the dead-letter topic's headers show it (its message, its stack trace with the messages of
     * its causes): itself, or, when a message is longer than a reason may be, one of the same kind with the reason
     * cut short and the same stack trace.
     */
    private static Exception withShortMessages(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().length() > MAX_REASON_CHARS) {
                InvalidEventException shortened = new InvalidEventException(cut(String.valueOf(failure.getMessage())));
                shortened.setStackTrace(failure.getStackTrace());
                return shortened;
            }
        }
        return failure;
    }

    private static String cut(String text) {
        return text.length() <= MAX_REASON_CHARS ? text
                : text.substring(0, MAX_REASON_CHARS) + "… (" + text.length() + " characters in all)";
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
                ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(letter.topic(), letter.partition(),
                        letter.offset(), letter.key(), letter.payload());
                if (letter.traceparent() != null) {
                    record.headers().add(SyncTracing.TRACEPARENT,
                            letter.traceparent().getBytes(StandardCharsets.US_ASCII));
                }
                inbox.replay(record);
                mongo.save(letter.replayedOk(clock.instant()));
                replayed++;
            } catch (RuntimeException e) {
                mongo.save(letter.replayFailed(reason(e)));
                failed.add(letter.id() + ": " + reason(e));
            }
        }
        return new ReplayResult(replayed, failed.size(), failed);
    }

    /** Dead letters of the inbox not yet replayed successfully (served by the index on {@code replayed}). */
    public long pending() {
        return IndexedCount.count(mongo, mongo.getCollectionName(DeadLetter.class),
                new org.bson.Document("replayed", false).append("topic", inboundTopic));
    }

    public long count(boolean replayed) {
        return IndexedCount.count(mongo, mongo.getCollectionName(DeadLetter.class),
                new org.bson.Document("replayed", replayed));
    }

    public List<DeadLetter> latest(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "failedAt")).limit(limit), DeadLetter.class);
    }

    /**
     * The innermost meaningful message: what went wrong, not the listener plumbing around it; at most
     * {@value #MAX_REASON_CHARS} characters and a note of how long it was.
     */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return cut(root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    public record ReplayResult(int replayed, int failed, List<String> failures) {
    }
}
