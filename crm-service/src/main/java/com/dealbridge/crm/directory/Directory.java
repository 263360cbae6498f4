package com.dealbridge.crm.directory;

import com.dealbridge.kit.web.UnprocessableException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The CRM's companies and contacts, shared by all reps (not partner-scoped). */
@Service
public class Directory {

    private final MongoOperations mongo;

    Directory(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Optional<Contact> contact(String contactId) {
        return contactId == null ? Optional.empty()
                : Optional.ofNullable(mongo.findById(contactId, ContactDocument.class)).map(ContactDocument::toContact);
    }

    public Optional<Company> company(String companyId) {
        return companyId == null ? Optional.empty()
                : Optional.ofNullable(mongo.findById(companyId, CompanyDocument.class)).map(CompanyDocument::toCompany);
    }

    /** The ids that are not CRM contacts, in one query (in the order given). */
    public Set<String> unknownContacts(Collection<String> contactIds) {
        return unknown(contactIds, ContactDocument.class);
    }

    /** The ids that are not CRM companies, in one query (in the order given). */
    public Set<String> unknownCompanies(Collection<String> companyIds) {
        return unknown(companyIds, CompanyDocument.class);
    }

    Company addCompany(String name, String domain) {
        return mongo.insert(new CompanyDocument(UUID.randomUUID().toString(), name.trim(),
                domain.trim().toLowerCase(Locale.ROOT), now())).toCompany();
    }

    /** @throws UnprocessableException when {@code companyId} is not a CRM company */
    Contact addContact(String firstName, String lastName, String email, String companyId) {
        if (companyId != null && company(companyId).isEmpty()) {
            throw UnprocessableException.of("companyId", "is not a known company");
        }
        return mongo.insert(new ContactDocument(UUID.randomUUID().toString(), firstName.trim(), lastName.trim(),
                email.trim(), companyId, now())).toContact();
    }

    List<Company> companies() {
        return mongo.find(new Query().with(Sort.by("name", "_id")), CompanyDocument.class).stream()
                .map(CompanyDocument::toCompany).toList();
    }

    List<Contact> contacts() {
        return mongo.find(new Query().with(Sort.by("lastName", "firstName", "_id")), ContactDocument.class).stream()
                .map(ContactDocument::toContact).toList();
    }

    private Set<String> unknown(Collection<String> ids, Class<?> type) {
        Set<String> unknown = new LinkedHashSet<>(ids);
        if (unknown.isEmpty()) {
            return unknown;
        }
        Query query = Query.query(Criteria.where("_id").in(unknown));
        query.fields().include("_id");
        mongo.find(query, Document.class, mongo.getCollectionName(type))
                .forEach(found -> unknown.remove(found.getString("_id")));
        return unknown;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
