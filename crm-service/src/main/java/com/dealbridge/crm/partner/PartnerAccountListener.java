package com.dealbridge.crm.partner;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.avro.PartnerAccountChanged;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The edge between the accounts topic and the partner directory: maps {@link PartnerAccountChanged} to a
 * {@link KnownPartner}. A record of another type throws {@link IllegalArgumentException}, which the engine's
 * error handler sends straight to the dead-letter topic.
 */
@Component
class PartnerAccountListener {

    private static final Logger log = LoggerFactory.getLogger(PartnerAccountListener.class);

    private final PartnerDirectory directory;

    PartnerAccountListener(PartnerDirectory directory) {
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.PARTNER_ACCOUNTS, groupId = "crm-service.accounts",
            containerFactory = "stateListenerContainerFactory")
    void on(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() == null) {
            // A tombstone: partner accounts are never deleted, so there is nothing to remove.
            log.debug("ignored tombstone for partner {}", record.key());
            return;
        }
        if (!(record.value() instanceof PartnerAccountChanged changed)) {
            throw new IllegalArgumentException("expected PartnerAccountChanged on " + record.topic() + ", got "
                    + record.value().getSchema().getFullName());
        }
        directory.apply(toPartner(changed), changed.getChangedAt());
    }

    static KnownPartner toPartner(PartnerAccountChanged changed) {
        return new KnownPartner(changed.getPartnerId(), changed.getName(), changed.getCapacityLimit(),
                changed.getUsers().stream()
                        .map(user -> new KnownUser(user.getId(), user.getName(), user.getEmail()))
                        .toList(),
                changed.getNotificationRecipientUserId(), changed.getNotifyRegisteredLeadActivity(),
                changed.getRevision());
    }
}
