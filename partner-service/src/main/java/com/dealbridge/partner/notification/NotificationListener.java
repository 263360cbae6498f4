package com.dealbridge.partner.notification;

import com.dealbridge.contracts.Topics;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.wire.EventCodec;
import com.dealbridge.sync.inbox.InvalidEventException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Thin: the CRM's shared-deal events, read by the notification consumer group (not the sync group, so a slow or
 * failing mail server never holds up sync, and sync never sends mail), mapped to domain events and, when they
 * are triggers, handed to the {@link Notifier}.
 */
@Component
class NotificationListener {

    static final String LISTENER_ID = "dealbridge-notifications";

    private final EventCodec codec;
    private final NotificationTriggers triggers;
    private final Notifier notifier;
    private final String groupId;

    NotificationListener(EventCodec codec, NotificationTriggers triggers, Notifier notifier,
                         NotificationProperties properties) {
        this.codec = codec;
        this.triggers = triggers;
        this.notifier = notifier;
        this.groupId = properties.consumerGroup();
    }

    @KafkaListener(id = LISTENER_ID, topics = Topics.CRM_SHARED_DEAL_EVENTS, groupId = "#{__listener.groupId}",
            containerFactory = NotificationKafkaConfiguration.CONTAINER_FACTORY)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() == null) {
            throw new InvalidEventException("empty event at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset());
        }
        SharedDealEvent event = codec.toDomain(record.value());
        triggers.triggerFor(event).ifPresent(trigger -> notifier.notify(event.header(), event.type(), trigger));
    }

    public String getGroupId() {
        return groupId;
    }
}
