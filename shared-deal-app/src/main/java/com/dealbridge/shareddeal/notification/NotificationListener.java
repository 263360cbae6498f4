package com.dealbridge.shareddeal.notification;

import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.wire.EventCodec;
import com.dealbridge.sync.inbox.InvalidEventException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Thin: shared-deal events read by a side's notification consumer group (not the sync group, so a slow or failing
 * mail server never holds up sync, and sync never sends mail), mapped to domain events and handed to the side's
 * triggers and notifier. Each service registers one as a bean with its topics and handler.
 */
public class NotificationListener {

    static final String LISTENER_ID = "dealbridge-notifications";

    private final EventCodec codec;
    private final String groupId;
    private final List<String> topics;
    private final Consumer<SharedDealEvent> handler;

    /**
     * @param handler maps the event to a trigger and notifies; throws to have the event retried
     */
    public NotificationListener(EventCodec codec, NotificationSettings settings, List<String> topics,
                                Consumer<SharedDealEvent> handler) {
        this.codec = codec;
        this.groupId = settings.consumerGroup();
        this.topics = List.copyOf(topics);
        this.handler = handler;
    }

    @KafkaListener(id = LISTENER_ID, topics = "#{__listener.topics}", groupId = "#{__listener.groupId}",
            containerFactory = NotificationMechanism.CONTAINER_FACTORY)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() == null) {
            throw new InvalidEventException("empty event at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset());
        }
        handler.accept(codec.toDomain(record.value()));
    }

    public String getGroupId() {
        return groupId;
    }

    public List<String> getTopics() {
        return topics;
    }
}
