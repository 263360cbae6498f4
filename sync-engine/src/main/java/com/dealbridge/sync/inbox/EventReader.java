package com.dealbridge.sync.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Decodes and checks a consumed record (the domain's part: the engine knows only bytes). */
@FunctionalInterface
public interface EventReader {

    /** @throws InvalidEventException the record can never be applied: dead-lettered with the message */
    Received read(ConsumerRecord<String, byte[]> record);
}
