package com.dealbridge.partner.directory;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("contacts")
record ContactDocument(@Id String id, @Indexed String partnerId, String firstName, String lastName, String email,
        String companyId, Instant createdAt) {

    Contact toContact() {
        return new Contact(id, partnerId, firstName, lastName, email, companyId);
    }
}
