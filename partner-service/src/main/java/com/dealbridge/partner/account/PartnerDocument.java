package com.dealbridge.partner.account;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One partner. {@code revision} is bumped atomically ({@code $inc}) by every change of the partner or its users,
 * so the accounts topic can tell a newer state from an older one.
 */
@Document("partners")
record PartnerDocument(@Id String id, String name, int capacityLimit, String notificationRecipientUserId,
        boolean notifyRegisteredLeadActivity, long revision, Instant createdAt, Instant changedAt) {

    Partner toPartner() {
        return new Partner(id, name, capacityLimit, notificationRecipientUserId, notifyRegisteredLeadActivity,
                revision);
    }
}
