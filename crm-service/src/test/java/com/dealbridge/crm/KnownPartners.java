package com.dealbridge.crm;

import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.avro.PartnerAccountChanged;
import com.dealbridge.contracts.avro.PersonRef;
import com.dealbridge.contracts.serde.AvroSerializer;
import com.dealbridge.kit.test.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Makes a partner known to the CRM the real way: its account on the accounts topic, waited for in the API. */
public final class KnownPartners {

    private KnownPartners() {
    }

    /** A partner with one user (its lead-notification recipient), known once {@code GET /api/partners} lists it. */
    public static void publish(String brokers, ApiClient api, String token, String partnerId, String name,
                               int capacityLimit, PersonRef user) throws Exception {
        PartnerAccountChanged account = PartnerAccountChanged.newBuilder().setPartnerId(partnerId).setName(name)
                .setCapacityLimit(capacityLimit).setUsers(List.of(user))
                .setNotificationRecipientUserId(user.getId()).setNotifyRegisteredLeadActivity(true).setRevision(1)
                .setChangedAt(Instant.now()).build();
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(),
                new AvroSerializer())) {
            producer.send(new ProducerRecord<>(Topics.PARTNER_ACCOUNTS, partnerId, account)).get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/api/partners?size=500", token).bodyAsString().contains(partnerId));
    }
}
