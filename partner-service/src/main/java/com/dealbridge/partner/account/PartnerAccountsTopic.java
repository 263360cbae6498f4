package com.dealbridge.partner.account;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.avro.PartnerAccountChanged;
import com.dealbridge.contracts.avro.PersonRef;
import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.sync.state.CompactedStateSource;
import com.dealbridge.sync.state.StatePublisher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The edge between partner accounts and the compacted accounts topic: maps documents to
 * {@link PartnerAccountChanged} and hands every account to the engine for its start-up republish.
 */
@Component
class PartnerAccountsTopic implements CompactedStateSource {

    private final MongoOperations mongo;
    private final StatePublisher publisher;

    PartnerAccountsTopic(MongoOperations mongo, StatePublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
    }

    void publish(PartnerDocument partner, List<PartnerUserDocument> users) {
        publisher.publish(topic(), partner.id(), AvroCodec.encode(record(partner, users)));
    }

    @Override
    public String topic() {
        return Topics.PARTNER_ACCOUNTS;
    }

    /** Two queries for all accounts, not one per partner. */
    @Override
    public Map<String, byte[]> currentState() {
        Map<String, List<PartnerUserDocument>> usersByPartner = mongo
                .find(new Query().with(Sort.by("createdAt", "_id")), PartnerUserDocument.class).stream()
                .collect(Collectors.groupingBy(PartnerUserDocument::partnerId));
        Map<String, byte[]> state = new LinkedHashMap<>();
        for (PartnerDocument partner : mongo.findAll(PartnerDocument.class)) {
            state.put(partner.id(), AvroCodec.encode(record(partner,
                    usersByPartner.getOrDefault(partner.id(), List.of()))));
        }
        return state;
    }

    static PartnerAccountChanged record(PartnerDocument partner, List<PartnerUserDocument> users) {
        return PartnerAccountChanged.newBuilder()
                .setPartnerId(partner.id())
                .setName(partner.name())
                .setCapacityLimit(partner.capacityLimit())
                .setUsers(users.stream()
                        .map(user -> PersonRef.newBuilder().setId(user.id()).setName(user.name())
                                .setEmail(user.email()).build())
                        .toList())
                .setNotificationRecipientUserId(partner.notificationRecipientUserId())
                .setNotifyRegisteredLeadActivity(partner.notifyRegisteredLeadActivity())
                .setRevision(partner.revision())
                .setChangedAt(partner.changedAt())
                .build();
    }
}
