package com.dealbridge.crm.directory;

import com.dealbridge.kit.directory.DirectoryOrder;
import com.dealbridge.kit.directory.NewCompany;
import com.dealbridge.kit.directory.NewContact;
import com.dealbridge.kit.mongo.MongoIds;
import com.dealbridge.kit.mongo.MongoPages;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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

    /**
     * The companies whose domain folds to {@code domain} ({@code example.com}, {@code www.example.com} and
     * {@code sales.example.com} for {@code example.com}). Stored domains are lower-case ASCII host names, so a suffix
     * match finds the candidates and {@link RegisteredDomain#of} decides; a full scan, as a suffix cannot use an index.
     */
    public List<Company> companiesOn(RegisteredDomain domain) {
        String escaped = domain.value().replace(".", "\\.");
        Query suffix = Query.query(Criteria.where("domain").regex("(^|\\.)" + escaped + "$"));
        return mongo.find(suffix, CompanyDocument.class).stream().map(CompanyDocument::toCompany)
                .filter(company -> foldsTo(company, domain)).toList();
    }

    private static boolean foldsTo(Company company, RegisteredDomain domain) {
        try {
            return domain.equals(RegisteredDomain.of(company.domain()));
        } catch (RegisteredDomain.InvalidDomainException e) {
            return false; // a company on a public suffix itself registers no domain
        }
    }

    /** The ids that are not CRM contacts, in one query (in the order given). */
    public Set<String> unknownContacts(Collection<String> contactIds) {
        return MongoIds.unknown(mongo, ContactDocument.class, contactIds, null);
    }

    /** The ids that are not CRM companies, in one query (in the order given). */
    public Set<String> unknownCompanies(Collection<String> companyIds) {
        return MongoIds.unknown(mongo, CompanyDocument.class, companyIds, null);
    }

    Company addCompany(NewCompany company) {
        NewCompany normalized = company.normalized();
        return mongo.insert(new CompanyDocument(UUID.randomUUID().toString(), normalized.name(), normalized.domain(),
                now())).toCompany();
    }

    /** @throws UnprocessableException when {@code companyId} is not a CRM company */
    Contact addContact(NewContact contact) {
        if (contact.companyId() != null && company(contact.companyId()).isEmpty()) {
            throw UnprocessableException.of("companyId", "is not a known company");
        }
        NewContact normalized = contact.normalized();
        return mongo.insert(new ContactDocument(UUID.randomUUID().toString(), normalized.firstName(),
                normalized.lastName(), normalized.email(), normalized.companyId(), now())).toContact();
    }

    /** One page of the companies, by name. */
    ListResponse<Company> companies(Paging paging) {
        return MongoPages.find(mongo, new Query(), DirectoryOrder.COMPANIES, CompanyDocument.class, paging)
                .map(CompanyDocument::toCompany);
    }

    /** One page of the contacts, by last and first name. */
    ListResponse<Contact> contacts(Paging paging) {
        return MongoPages.find(mongo, new Query(), DirectoryOrder.CONTACTS, ContactDocument.class, paging)
                .map(ContactDocument::toContact);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
