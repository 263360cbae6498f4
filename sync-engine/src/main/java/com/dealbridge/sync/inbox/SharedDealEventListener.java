package com.dealbridge.sync.inbox;

import com.dealbridge.sync.domain.SharedDealEvent;
import com.dealbridge.sync.store.SharedDealInbox;
import com.dealbridge.sync.wire.EventCodec;
import com.dealbridge.sync.wire.InvalidEventException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Thin: maps the other side's Avro events to domain events and hands them to the inbox. */
public class SharedDealEventListener {

    private final SharedDealInbox inbox;
    private final EventCodec codec;
    private final String topic;
    private final String groupId;

    public SharedDealEventListener(SharedDealInbox inbox, EventCodec codec, String topic, String groupId) {
        this.inbox = inbox;
        this.codec = codec;
        this.topic = topic;
        this.groupId = groupId;
    }

    @KafkaListener(id = "dealbridge-sync-inbox", topics = "#{__listener.topic}", groupId = "#{__listener.groupId}",
            containerFactory = "syncListenerContainerFactory")
    public void on(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() == null) {
            throw new InvalidEventException("empty event at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset());
        }
        SharedDealEvent event = codec.toDomain(record.value());
        if (!event.header().sharedDealId().equals(record.key())) {
            throw new InvalidEventException("record key " + record.key() + " is not the event's shared deal "
                    + event.header().sharedDealId());
        }
        inbox.receive(event);
    }

    public String getTopic() {
        return topic;
    }

    public String getGroupId() {
        return groupId;
    }
}
