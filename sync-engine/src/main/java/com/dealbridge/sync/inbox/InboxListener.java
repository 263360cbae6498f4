package com.dealbridge.sync.inbox;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Thin: hands each poll of the other side's topic to the inbox. */
public class InboxListener {

    private final Inbox<?> inbox;
    private final String topic;
    private final String groupId;

    public InboxListener(Inbox<?> inbox, String topic, String groupId) {
        this.inbox = inbox;
        this.topic = topic;
        this.groupId = groupId;
    }

    @KafkaListener(id = "dealbridge-sync-inbox", topics = "#{__listener.topic}", groupId = "#{__listener.groupId}",
            containerFactory = "syncListenerContainerFactory", batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.accept(records);
    }

    public String getTopic() {
        return topic;
    }

    public String getGroupId() {
        return groupId;
    }
}
