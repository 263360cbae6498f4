package com.dealbridge.partner.account;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner user. Users live in their own collection (not inside the partner) so that the token lookup of every
 * request is a single unique-index hit. {@code emailKey} is the lower-cased e-mail: the unique (partnerId,
 * emailKey) index makes "one account per address and partner" hold even under concurrent requests.
 * {@code passwordHash} is the pages' password as the kit's encoder wrote it, null until the invitation is accepted.
 */
@Document("partner_users")
@CompoundIndex(name = "partner_email_unique", def = "{'partnerId': 1, 'emailKey': 1}", unique = true)
record PartnerUserDocument(@Id String id, @Indexed String partnerId, String name, String email,
        @Indexed String emailKey, @Indexed(unique = true) String tokenHash, Instant createdAt, Instant tokenExpiresAt,
        String passwordHash) {

    PartnerUser toUser() {
        return new PartnerUser(id, partnerId, name, email);
    }
}
