package com.dealbridge.partner.notification;

import com.dealbridge.contracts.Topics;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.EventHeader;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.SharedDealAssigned;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.wire.EventCodec;
import com.dealbridge.sync.clock.Hlc;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays crm-service with a plain Kafka producer: makes the CRM's shared-deal events with correct per-deal
 * sequences and sends them to {@value Topics#CRM_SHARED_DEAL_EVENTS}, as the sync engine's own integration test does.
 */
final class CrmSide implements AutoCloseable {

    static final Actor RITA_ACTS = new Actor(ActorType.CRM_USER, "rep-1", "Rita Rep");
    static final PersonRef RITA = new PersonRef("rep-1", "Rita Rep", "rita@vendor.test");
    static final PersonRef ROB = new PersonRef("rep-2", "Rob Rep", "rob@vendor.test");

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();
    private final Map<String, Long> sequences = new HashMap<>();

    CrmSide(String brokers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** A rep converts a CRM deal into a shared deal for the partner (registeredBy CRM). */
    SharedDealRegistered registersForPartner(String sharedDealId, String partnerId, String dealName, PersonRef owner) {
        return new SharedDealRegistered(next(sharedDealId, partnerId, RITA_ACTS), Origin.CRM, dealName,
                new BigDecimal("5000.00"), "USD", LocalDate.parse("2026-12-31"), Stage.QUALIFIED_TO_BUY, null, null,
                null, "Looking forward to working with you", List.of(), owner, RITA, "DEAL");
    }

    /** The CRM's automatic least-loaded assignment. */
    SharedDealAssigned assigns(String sharedDealId, String partnerId, PersonRef rep) {
        return new SharedDealAssigned(next(sharedDealId, partnerId, Actor.system("Automatic assignment")), rep);
    }

    void send(SharedDealEvent event) {
        sendBytes(event.header().sharedDealId(), codec.encode(event));
    }

    void sendBytes(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.CRM_SHARED_DEAL_EVENTS, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private EventHeader next(String sharedDealId, String partnerId, Actor actor) {
        long sequence = sequences.merge(sharedDealId, 1L, Long::sum);
        return new EventHeader(UUID.randomUUID().toString(), sharedDealId, partnerId, Origin.CRM, sequence,
                new Hlc(System.currentTimeMillis(), 0), Instant.now(), actor);
    }

    @Override
    public void close() {
        producer.close();
    }
}
