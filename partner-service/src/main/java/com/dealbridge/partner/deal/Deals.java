package com.dealbridge.partner.deal;

import com.dealbridge.kit.money.Money;
import com.dealbridge.kit.mongo.MongoPages;
import com.dealbridge.kit.web.FieldError;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.partner.directory.Directory;
import com.dealbridge.shareddeal.domain.Limits;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The deals of each partner. Reads are scoped by partner: another partner's deal does not exist for you. */
@Service
public class Deals {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"));

    private final MongoOperations mongo;
    private final Directory directory;

    Deals(MongoOperations mongo, Directory directory) {
        this.mongo = mongo;
        this.directory = directory;
    }

    public Optional<Deal> find(String partnerId, String dealId) {
        if (partnerId == null || dealId == null) {
            return Optional.empty();
        }
        Query query = Query.query(Criteria.where("_id").is(dealId).and("partnerId").is(partnerId));
        return Optional.ofNullable(mongo.findOne(query, DealDocument.class)).map(DealDocument::toDeal);
    }

    /**
     * Creates a deal with a new id.
     *
     * @throws UnprocessableException listing every invalid field: blank name, missing or negative amount (or more
     *                                than two decimals or fifteen integer digits), unknown currency, missing close
     *                                date or one outside the years 1900–9999, contacts or companies that are not
     *                                this partner's
     */
    public Deal create(String partnerId, NewDeal deal) {
        NewDeal valid = validated(partnerId, deal);
        DealDocument document = DealDocument.of(UUID.randomUUID().toString(), partnerId, valid, valid.currency(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return mongo.insert(document).toDeal();
    }

    /**
     * Creates the deal under an id the caller chose, unless it exists (so running it again creates it once).
     *
     * @throws UnprocessableException as {@link #create(String, NewDeal)}
     */
    public Deal ensure(String partnerId, String dealId, NewDeal deal) {
        Optional<Deal> existing = find(partnerId, dealId);
        if (existing.isPresent()) {
            return existing.get();
        }
        NewDeal valid = validated(partnerId, deal);
        try {
            return mongo.insert(DealDocument.of(dealId, partnerId, valid, valid.currency(),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS))).toDeal();
        } catch (DuplicateKeyException e) {
            return find(partnerId, dealId).orElseThrow(() -> e);
        }
    }

    /** Removes a deal that was created for a request that was then refused (a registration the store refused). */
    public void remove(String partnerId, String dealId) {
        mongo.remove(Query.query(Criteria.where("_id").is(dealId).and("partnerId").is(partnerId)), DealDocument.class);
    }

    /**
     * Brings a registered deal in line with its shared deal's details (after either side changed them). Values the
     * deal could not hold are skipped; a shared-deal version not newer than the last one mirrored changes nothing.
     */
    void mirror(String partnerId, String dealId, String name, BigDecimal amount, String currency,
            LocalDate closeDate, long sharedDealVersion) {
        Update update = new Update().set("sharedDealVersion", sharedDealVersion);
        if (name != null && !name.isBlank()) {
            update.set("name", name);
        }
        if (amount != null && Limits.amount(amount).isEmpty()) {
            update.set("amount", Money.format(amount));
        }
        if (currency != null && Money.isCurrency(currency)) {
            update.set("currency", currency);
        }
        if (closeDate != null && Limits.date(closeDate).isEmpty()) {
            update.set("closeDate", closeDate.toString());
        }
        Query olderMirror = Query.query(Criteria.where("_id").is(dealId).and("partnerId").is(partnerId).orOperator(
                Criteria.where("sharedDealVersion").lt(sharedDealVersion),
                Criteria.where("sharedDealVersion").exists(false)));
        mongo.updateFirst(olderMirror, update, DealDocument.class);
    }

    /** One page of the partner's deals, newest first. */
    ListResponse<Deal> page(String partnerId, String nameContains, Paging paging) {
        return page(ofPartner(partnerId, nameContains), paging);
    }

    /** One page of the partner's deals among {@code dealIds}, newest first. */
    ListResponse<Deal> pageOf(String partnerId, Collection<String> dealIds, String nameContains, Paging paging) {
        return page(ofPartner(partnerId, nameContains).and("_id").in(dealIds), paging);
    }

    /** One page of the partner's deals except {@code excludedIds}, newest first. */
    ListResponse<Deal> pageExcept(String partnerId, Collection<String> excludedIds, String nameContains,
                                  Paging paging) {
        return page(ofPartner(partnerId, nameContains).and("_id").nin(excludedIds), paging);
    }

    private ListResponse<Deal> page(Criteria criteria, Paging paging) {
        return MongoPages.find(mongo, Query.query(criteria), NEWEST_FIRST, DealDocument.class, paging)
                .map(DealDocument::toDeal);
    }

    private static Criteria ofPartner(String partnerId) {
        return Criteria.where("partnerId").is(partnerId);
    }

    /** The partner's deals whose name contains the text (case-insensitive, taken literally), or all for blank. */
    private static Criteria ofPartner(String partnerId, String nameContains) {
        Criteria criteria = ofPartner(partnerId);
        return nameContains == null || nameContains.isBlank() ? criteria
                : criteria.and("name").regex(java.util.regex.Pattern.quote(nameContains.trim()), "i");
    }

    /** Checks what Bean Validation checks at the HTTP edge again, because other features create deals too. */
    private NewDeal validated(String partnerId, NewDeal deal) {
        List<FieldError> errors = new ArrayList<>();
        if (deal.name() == null || deal.name().isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        }
        BigDecimal amount = deal.amount();
        if (amount == null) {
            errors.add(new FieldError("amount", "must not be null"));
        } else {
            Limits.amount(amount).ifPresent(problem -> errors.add(new FieldError("amount", problem)));
        }
        String currency = deal.currency() == null ? Money.DEFAULT_CURRENCY : deal.currency();
        if (!Money.isCurrency(currency)) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code such as USD"));
        }
        if (deal.closeDate() == null) {
            errors.add(new FieldError("closeDate", "must not be null"));
        }
        Limits.date(deal.closeDate()).ifPresent(problem -> errors.add(new FieldError("closeDate", problem)));
        List<String> contactIds = deal.contactIds() == null ? List.of() : deal.contactIds();
        List<String> companyIds = deal.companyIds() == null ? List.of() : deal.companyIds();
        Set<String> unknownContacts = directory.unknownContacts(partnerId, contactIds);
        if (!unknownContacts.isEmpty()) {
            errors.add(new FieldError("contactIds", "not contacts of your partner account: " + unknownContacts));
        }
        Set<String> unknownCompanies = directory.unknownCompanies(partnerId, companyIds);
        if (!unknownCompanies.isEmpty()) {
            errors.add(new FieldError("companyIds", "not companies of your partner account: " + unknownCompanies));
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException("The deal is invalid; see 'errors'", errors);
        }
        return new NewDeal(deal.name(), amount, currency, deal.closeDate(), distinct(contactIds),
                distinct(companyIds));
    }

    private static List<String> distinct(List<String> ids) {
        return ids.stream().distinct().toList();
    }
}
