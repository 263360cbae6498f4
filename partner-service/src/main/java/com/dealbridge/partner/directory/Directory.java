package com.dealbridge.partner.directory;

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

/**
 * Each partner's companies and contacts. Every read is scoped by partner: another partner's record is reported
 * exactly like a missing one.
 */
@Service
public class Directory {

    private final MongoOperations mongo;

    Directory(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Optional<Contact> contact(String partnerId, String contactId) {
        return Optional.ofNullable(mongo.findOne(owned(partnerId, contactId), ContactDocument.class))
                .map(ContactDocument::toContact);
    }

    public Optional<Company> company(String partnerId, String companyId) {
        return Optional.ofNullable(mongo.findOne(owned(partnerId, companyId), CompanyDocument.class))
                .map(CompanyDocument::toCompany);
    }

    /** The ids that are not contacts of this partner, in one query (in the order given). */
    public Set<String> unknownContacts(String partnerId, Collection<String> contactIds) {
        return unknown(partnerId, contactIds, ContactDocument.class);
    }

    /** The ids that are not companies of this partner, in one query (in the order given). */
    public Set<String> unknownCompanies(String partnerId, Collection<String> companyIds) {
        return unknown(partnerId, companyIds, CompanyDocument.class);
    }

    Company addCompany(String partnerId, String name, String domain) {
        CompanyDocument company = new CompanyDocument(UUID.randomUUID().toString(), partnerId, name.trim(),
                domain.trim().toLowerCase(Locale.ROOT), now());
        return mongo.insert(company).toCompany();
    }

    /** @throws UnprocessableException when {@code companyId} is not a company of this partner */
    Contact addContact(String partnerId, String firstName, String lastName, String email, String companyId) {
        if (companyId != null && company(partnerId, companyId).isEmpty()) {
            throw UnprocessableException.of("companyId", "is not a company of your partner account");
        }
        ContactDocument contact = new ContactDocument(UUID.randomUUID().toString(), partnerId, firstName.trim(),
                lastName.trim(), email.trim(), companyId, now());
        return mongo.insert(contact).toContact();
    }

    List<Company> companies(String partnerId) {
        return mongo.find(Query.query(Criteria.where("partnerId").is(partnerId)).with(Sort.by("name", "_id")),
                CompanyDocument.class).stream().map(CompanyDocument::toCompany).toList();
    }

    List<Contact> contacts(String partnerId) {
        return mongo.find(Query.query(Criteria.where("partnerId").is(partnerId))
                        .with(Sort.by("lastName", "firstName", "_id")), ContactDocument.class)
                .stream().map(ContactDocument::toContact).toList();
    }

    private Set<String> unknown(String partnerId, Collection<String> ids, Class<?> type) {
        Set<String> unknown = new LinkedHashSet<>(ids);
        if (unknown.isEmpty()) {
            return unknown;
        }
        Query query = Query.query(Criteria.where("_id").in(unknown).and("partnerId").is(partnerId));
        query.fields().include("_id");
        mongo.find(query, Document.class, mongo.getCollectionName(type))
                .forEach(found -> unknown.remove(found.getString("_id")));
        return unknown;
    }

    private static Query owned(String partnerId, String id) {
        return Query.query(Criteria.where("_id").is(id).and("partnerId").is(partnerId));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
