package com.dealbridge.crm.partner;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The CRM's copy of one partner account, keyed by partnerId. */
@Document("known_partners")
record KnownPartnerDocument(@Id String id, String name, int capacityLimit, List<KnownUser> users,
        String notificationRecipientUserId, boolean notifyRegisteredLeadActivity, long revision, Instant changedAt) {

    KnownPartner toPartner() {
        return new KnownPartner(id, name, capacityLimit, users, notificationRecipientUserId,
                notifyRegisteredLeadActivity, revision);
    }
}
