package com.dealbridge.sync.inbox;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.sync.store.SharedDealInbox;
import com.dealbridge.sync.wire.EventCodec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.support.serializer.DeserializationException;

/** Records dead letters with their reason and replays them through the inbox on request. */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final MongoOperations mongo;
    private final SharedDealInbox inbox;
    private final EventCodec codec;
    private final String inboundTopic;
    private final Clock clock;

    public DeadLetters(MongoOperations mongo, SharedDealInbox inbox, EventCodec codec, String inboundTopic,
                       Clock clock) {
        this.mongo = mongo;
        this.inbox = inbox;
        this.codec = codec;
        this.inboundTopic = inboundTopic;
        this.clock = clock;
    }

    /** Keeps a copy of a record that went to the dead-letter topic; idempotent per topic/partition/offset. */
    public void record(ConsumerRecord<?, ?> record, Exception failure) {
        String id = record.topic() + "-" + record.partition() + "@" + record.offset();
        DeadLetter letter = new DeadLetter(id, record.topic(), record.partition(), record.offset(),
                record.key() == null ? null : record.key().toString(), payload(record, failure),
                reason(failure), clock.instant(), false, null, null);
        mongo.save(letter);
        log.warn("dead-lettered {} (key {}): {}", id, record.key(), letter.reason());
    }

    /** Applies every not yet replayed dead letter of the shared-deal inbox again, oldest first. */
    public ReplayResult replay() {
        Query query = Query.query(Criteria.where("replayed").is(false).and("topic").is(inboundTopic))
                .with(Sort.by("failedAt"));
        List<String> failed = new ArrayList<>();
        int replayed = 0;
        for (DeadLetter letter : mongo.find(query, DeadLetter.class)) {
            try {
                if (letter.payload() == null) {
                    throw new IllegalStateException("no payload kept");
                }
                inbox.receive(codec.toDomain(AvroCodec.decode(letter.payload())));
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

    private static byte[] payload(ConsumerRecord<?, ?> record, Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DeserializationException d) {
                return d.getData();
            }
        }
        if (record.value() instanceof SpecificRecord value) {
            return AvroCodec.encode(value);
        }
        return record.value() instanceof byte[] bytes ? bytes : null;
    }

    /** The innermost meaningful message: what went wrong, not the listener plumbing around it. */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    public record ReplayResult(int replayed, int failed, List<String> failures) {
    }
}
