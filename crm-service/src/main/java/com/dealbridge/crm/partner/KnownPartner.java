package com.dealbridge.crm.partner;

import java.util.List;
import java.util.Optional;

/**
 * A partner as last published on the accounts topic.
 *
 * @param notificationRecipientUserId the user who owns deals converted without a chosen contact; may be null
 * @param revision                    the partner side's revision; an older one never replaces a newer one
 */
public record KnownPartner(String id, String name, int capacityLimit, List<KnownUser> users,
        String notificationRecipientUserId, boolean notifyRegisteredLeadActivity, long revision) {

    public KnownPartner {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** The user of this partner with that id, if any. */
    public Optional<KnownUser> user(String userId) {
        return users.stream().filter(user -> user.id().equals(userId)).findFirst();
    }
}
