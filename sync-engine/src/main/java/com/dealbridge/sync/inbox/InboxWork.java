package com.dealbridge.sync.inbox;

import com.dealbridge.sync.lane.LaneWork;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What one poll brought for one aggregate, in record order.
 *
 * @param refusals where records that can never apply go: the dead-letter topic, or (replaying a dead letter) back
 *                 to the caller
 */
public record InboxWork(List<Item> items, Refusals refusals) implements LaneWork {

    /** A consumed record and what it was read as. */
    public record Item(ConsumerRecord<String, byte[]> record, Received received) {
    }

    /** Takes a record that can never be applied as it is, with the reason. */
    @FunctionalInterface
    public interface Refusals {
        void refuse(ConsumerRecord<String, byte[]> record, InvalidEventException reason);
    }
}
