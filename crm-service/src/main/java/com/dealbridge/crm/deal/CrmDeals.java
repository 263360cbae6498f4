package com.dealbridge.crm.deal;

import com.dealbridge.crm.directory.Directory;
import com.dealbridge.crm.rep.SalesRep;
import com.dealbridge.crm.rep.SalesReps;
import com.dealbridge.kit.money.Money;
import com.dealbridge.kit.mongo.MongoPages;
import com.dealbridge.kit.web.FieldError;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.shareddeal.domain.Limits;
import com.dealbridge.shareddeal.domain.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The CRM's deals, including the CRM copies of shared deals. */
@Service
@EnableConfigurationProperties(SharedDealsProperties.class)
public class CrmDeals {

    static final String DEFAULT_STAGE = Stage.APPOINTMENT_SCHEDULED.name();
    /** The pipeline of the CRM's own deals, those not shared with a partner. */
    static final String OWN_PIPELINE = "default";

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"));

    private final MongoOperations mongo;
    private final Directory directory;
    private final SalesReps reps;
    private final String sharedDealPipeline;

    CrmDeals(MongoOperations mongo, Directory directory, SalesReps reps, SharedDealsProperties sharedDeals) {
        this.mongo = mongo;
        this.directory = directory;
        this.reps = reps;
        this.sharedDealPipeline = sharedDeals.defaultPipeline();
    }

    public Optional<CrmDeal> find(String id) {
        return id == null ? Optional.empty()
                : Optional.ofNullable(mongo.findById(id, CrmDealDocument.class)).map(this::toDeal);
    }

    private CrmDeal toDeal(CrmDealDocument document) {
        return document.toDeal(sharedDealPipeline);
    }

    /**
     * Creates a deal with a new id.
     *
     * @throws UnprocessableException listing every invalid field: blank name, missing or negative amount (or more
     *                                than two decimals or fifteen integer digits), unknown currency or stage,
     *                                missing close date or one outside the years 1900–9999, unknown contacts or
     *                                companies, an owner who is not an active sales rep
     */
    public CrmDeal create(NewCrmDeal deal) {
        List<FieldError> errors = new ArrayList<>();
        if (deal.name() == null || deal.name().isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        }
        checkAmount(deal.amount(), errors);
        String currency = deal.currency() == null ? Money.DEFAULT_CURRENCY : deal.currency();
        if (!Money.isCurrency(currency)) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code such as USD"));
        }
        if (deal.closeDate() == null) {
            errors.add(new FieldError("closeDate", "must not be null"));
        }
        Limits.date(deal.closeDate()).ifPresent(problem -> errors.add(new FieldError("closeDate", problem)));
        String stage = deal.stage() == null ? DEFAULT_STAGE : deal.stage();
        if (!isStage(stage)) {
            errors.add(new FieldError("stage", "must be one of " + Arrays.toString(Stage.values())));
        }
        List<String> contactIds = deal.contactIds() == null ? List.of() : deal.contactIds().stream().distinct().toList();
        List<String> companyIds = deal.companyIds() == null ? List.of() : deal.companyIds().stream().distinct().toList();
        Set<String> unknownContacts = directory.unknownContacts(contactIds);
        if (!unknownContacts.isEmpty()) {
            errors.add(new FieldError("contactIds", "unknown contacts: " + unknownContacts));
        }
        Set<String> unknownCompanies = directory.unknownCompanies(companyIds);
        if (!unknownCompanies.isEmpty()) {
            errors.add(new FieldError("companyIds", "unknown companies: " + unknownCompanies));
        }
        ownerProblem(deal.ownerId()).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new UnprocessableException("The deal is invalid; see 'errors'", errors);
        }
        Instant now = now();
        CrmDealDocument document = new CrmDealDocument(UUID.randomUUID().toString(), deal.name().trim(),
                Money.format(deal.amount()), currency, deal.closeDate().toString(), stage, contactIds, companyIds,
                null, now, now, OWN_PIPELINE, deal.ownerId());
        return toDeal(mongo.insert(document));
    }

    /**
     * Creates or updates the CRM deal of a shared deal under an id the caller chose (so running it again, e.g. when
     * an event is redelivered, changes nothing more). Associations, the creation time and the pipeline are kept on
     * update; a new deal lands in the shared-deal pipeline.
     *
     * @param currency null keeps the stored one (USD for a new deal)
     * @param stage    a {@link Stage} name; null keeps the stored one ({@code APPOINTMENT_SCHEDULED} for a new deal)
     * @throws IllegalArgumentException a missing id, name, amount or close date, or an unknown stage/currency
     */
    public CrmDeal upsertForSharedDeal(String crmDealId, String sharedDealId, String name, BigDecimal amount,
            String currency, LocalDate closeDate, String stage) {
        require(crmDealId != null && !crmDealId.isBlank(), "crmDealId is required");
        require(sharedDealId != null && !sharedDealId.isBlank(), "sharedDealId is required");
        require(name != null && !name.isBlank(), "name is required");
        require(amount != null && Limits.amount(amount).isEmpty(),
                "amount must be >= 0 with at most two decimals and fifteen integer digits");
        require(closeDate != null && Limits.date(closeDate).isEmpty(), "closeDate is required, in 1900-9999");
        require(currency == null || Money.isCurrency(currency), "unknown currency " + currency);
        require(stage == null || isStage(stage), "unknown stage " + stage);
        Instant now = now();
        Update update = new Update()
                .set("sharedDealId", sharedDealId)
                .set("name", name.trim())
                .set("amount", Money.format(amount))
                .set("closeDate", closeDate.toString())
                .set("updatedAt", now)
                .setOnInsert("contactIds", List.of())
                .setOnInsert("companyIds", List.of())
                .setOnInsert("createdAt", now)
                .setOnInsert("pipeline", sharedDealPipeline);
        if (currency == null) {
            update.setOnInsert("currency", Money.DEFAULT_CURRENCY);
        } else {
            update.set("currency", currency);
        }
        if (stage == null) {
            update.setOnInsert("stage", DEFAULT_STAGE);
        } else {
            update.set("stage", stage);
        }
        CrmDealDocument document = mongo.findAndModify(Query.query(Criteria.where("_id").is(crmDealId)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), CrmDealDocument.class);
        return toDeal(document);
    }

    /** The open deals (not closed won or lost) associated with any of these companies. */
    public List<CrmDeal> openOnCompanies(Collection<String> companyIds) {
        if (companyIds.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(Criteria.where("companyIds").in(companyIds).and("stage")
                .nin(Stage.CLOSED_WON.name(), Stage.CLOSED_LOST.name()));
        return mongo.find(query, CrmDealDocument.class).stream().map(this::toDeal).toList();
    }

    /** The CRM deal synced with this shared deal, if there is one. */
    public Optional<String> idForSharedDeal(String sharedDealId) {
        Query query = Query.query(Criteria.where("sharedDealId").is(sharedDealId));
        query.fields().include("_id");
        return Optional.ofNullable(mongo.findOne(query, CrmDealDocument.class)).map(CrmDealDocument::id);
    }

    /** Marks the deal as synced with the shared deal (idempotent) and moves it into the shared-deal pipeline. */
    public void linkSharedDeal(String dealId, String sharedDealId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(dealId)), new Update().set("sharedDealId", sharedDealId)
                .set("pipeline", sharedDealPipeline).set("updatedAt", now()), CrmDealDocument.class);
    }

    /**
     * Brings the CRM deal in line with its shared deal's details, stage and assigned rep, its owner (after either
     * side changed them); an unknown id, or a shared-deal version not newer than the last one mirrored, changes
     * nothing. A null owner (no rep assigned yet) keeps the stored one.
     */
    void mirror(String dealId, String name, BigDecimal amount, String currency, LocalDate closeDate, String stage,
            String ownerId, long sharedDealVersion) {
        Update update = new Update().set("updatedAt", now()).set("sharedDealVersion", sharedDealVersion);
        if (ownerId != null) {
            update.set("ownerId", ownerId);
        }
        if (name != null) {
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
        if (stage != null && isStage(stage)) {
            update.set("stage", stage);
        }
        Query olderMirror = Query.query(Criteria.where("_id").is(dealId).orOperator(
                Criteria.where("sharedDealVersion").lt(sharedDealVersion),
                Criteria.where("sharedDealVersion").exists(false)));
        mongo.updateFirst(olderMirror, update, CrmDealDocument.class);
    }

    /**
     * One page of the deals, newest first, for the API's and the workspace's filters.
     * @param shared  true: only deals converted to a shared deal, false: only the others, null: all
     * @param stage   only deals in this stage; null: every stage
     * @param ownerId only deals this sales rep owns; null: anyone's and no one's
     */
    ListResponse<CrmDeal> list(Paging paging, Boolean shared, String stage, String ownerId) {
        Query query = new Query();
        if (ownerId != null) {
            query.addCriteria(Criteria.where("ownerId").is(ownerId));
        }
        if (shared != null) {
            query.addCriteria(shared ? Criteria.where("sharedDealId").ne(null)
                    : Criteria.where("sharedDealId").is(null));
        }
        if (stage != null) {
            query.addCriteria(Criteria.where("stage").is(stage));
        }
        return MongoPages.find(mongo, query, NEWEST_FIRST, CrmDealDocument.class, paging)
                .map(this::toDeal);
    }

    /** Why this owner cannot own a deal (not an active sales rep); empty for null (no owner) or a good one. */
    Optional<FieldError> ownerProblem(String ownerId) {
        if (ownerId == null || reps.find(ownerId).filter(SalesRep::active).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new FieldError("ownerId", "unknown sales rep " + ownerId));
    }

    private static void checkAmount(BigDecimal amount, List<FieldError> errors) {
        if (amount == null) {
            errors.add(new FieldError("amount", "must not be null"));
        } else {
            Limits.amount(amount).ifPresent(problem -> errors.add(new FieldError("amount", problem)));
        }
    }

    static boolean isStage(String stage) {
        for (Stage value : Stage.values()) {
            if (value.name().equals(stage)) {
                return true;
            }
        }
        return false;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
