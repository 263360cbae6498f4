package com.dealbridge.crm.directory;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("companies")
record CompanyDocument(@Id String id, @Indexed String name, String domain, Instant createdAt) {

    Company toCompany() {
        return new Company(id, name, domain);
    }
}
