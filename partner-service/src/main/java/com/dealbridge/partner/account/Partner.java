package com.dealbridge.partner.account;

/**
 * A partner account as the rest of partner-service sees it.
 *
 * @param notificationRecipientUserId the user who is e-mailed about registered-lead activity and owns deals a rep
 *                                    converts without naming a contact; null until the partner has a user
 * @param revision                    increases with every change of the partner or its users (also the revision
 *                                    published on the accounts topic)
 */
public record Partner(String id, String name, int capacityLimit, String notificationRecipientUserId,
        boolean notifyRegisteredLeadActivity, long revision) {
}
