package com.dealbridge.partner.directory;

import com.dealbridge.kit.directory.DirectoryOrder;
import com.dealbridge.kit.directory.NewCompany;
import com.dealbridge.kit.directory.NewContact;
import com.dealbridge.kit.mongo.MongoIds;
import com.dealbridge.kit.mongo.MongoPages;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.kit.web.UnprocessableException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
        return MongoIds.unknown(mongo, ContactDocument.class, contactIds, ofPartner(partnerId));
    }

    /** The ids that are not companies of this partner, in one query (in the order given). */
    public Set<String> unknownCompanies(String partnerId, Collection<String> companyIds) {
        return MongoIds.unknown(mongo, CompanyDocument.class, companyIds, ofPartner(partnerId));
    }

    Company addCompany(String partnerId, NewCompany company) {
        NewCompany normalized = company.normalized();
        return mongo.insert(new CompanyDocument(UUID.randomUUID().toString(), partnerId, normalized.name(),
                normalized.domain(), now())).toCompany();
    }

    /** @throws UnprocessableException when {@code companyId} is not a company of this partner */
    Contact addContact(String partnerId, NewContact contact) {
        if (contact.companyId() != null && company(partnerId, contact.companyId()).isEmpty()) {
            throw UnprocessableException.of("companyId", "is not a company of your partner account");
        }
        NewContact normalized = contact.normalized();
        return mongo.insert(new ContactDocument(UUID.randomUUID().toString(), partnerId, normalized.firstName(),
                normalized.lastName(), normalized.email(), normalized.companyId(), now())).toContact();
    }

    /** One page of the partner's companies, by name. */
    ListResponse<Company> companies(String partnerId, Paging paging) {
        return MongoPages.find(mongo, Query.query(ofPartner(partnerId)), DirectoryOrder.COMPANIES,
                CompanyDocument.class, paging).map(CompanyDocument::toCompany);
    }

    /** One page of the partner's contacts, by last and first name. */
    public ListResponse<Contact> contacts(String partnerId, Paging paging) {
        return MongoPages.find(mongo, Query.query(ofPartner(partnerId)), DirectoryOrder.CONTACTS,
                ContactDocument.class, paging).map(ContactDocument::toContact);
    }

    private static Criteria ofPartner(String partnerId) {
        return Criteria.where("partnerId").is(partnerId);
    }

    private static Query owned(String partnerId, String id) {
        return Query.query(Criteria.where("_id").is(id).and("partnerId").is(partnerId));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
