package com.dealbridge.crm.directory;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("contacts")
record ContactDocument(@Id String id, String firstName, @Indexed String lastName, String email, String companyId,
        Instant createdAt) {

    Contact toContact() {
        return new Contact(id, firstName, lastName, email, companyId);
    }
}
