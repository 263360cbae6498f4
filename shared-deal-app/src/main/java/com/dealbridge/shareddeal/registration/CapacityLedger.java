package com.dealbridge.shareddeal.registration;

import com.dealbridge.shareddeal.domain.DealStatus;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import com.dealbridge.shareddeal.domain.RegistrationCapacity;
import com.dealbridge.shareddeal.domain.RegistrationCapacity.Decision;
import com.dealbridge.shareddeal.domain.RegistrationCapacity.Holding;
import com.dealbridge.shareddeal.store.ProjectionStore;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Takes capacity slots for new registrations so that every instance of a service sharing the store agrees
 * (registrations and conversions alike): no JVM lock, one conditional write per decision on the partner's ledger
 * document ({@code registration_capacity}, one per partner), compare-and-set on its version.
 *
 * <p>A registration first <em>claims</em> its slot in the ledger, then registers its deal. A decision counts the
 * domains of the partner's active deals ({@code shared_deals}, which also holds what the other side registered) and
 * the claims of registrations still in progress. Two instances deciding at once both read version n; only one write
 * of n+1 succeeds, the other reads again, now seeing the winner's claim, and decides again. The ledger is read
 * before the deals, so a claim dropped from it belongs to a deal the deals read sees. A claim is dropped once its deal
 * is active (counted as a deal then), once its deal is no longer active (withdrawn, closed), when the registration
 * failed ({@link #release}), or after {@code claim-timeout} (a registration that crashed half-way).
 */
public class CapacityLedger {

    static final String COLLECTION = "registration_capacity";
    private static final int MAX_ATTEMPTS = 200;

    private final MongoCollection<Document> ledgers;
    private final ProjectionStore deals;
    private final Duration claimTimeout;
    private final Clock clock;

    public CapacityLedger(MongoOperations mongo, ProjectionStore deals, RegistrationProperties properties,
                          Clock clock) {
        this.ledgers = mongo.getCollection(COLLECTION);
        this.deals = deals;
        this.claimTimeout = properties.claimTimeout();
        this.clock = clock;
        // serves the {_id, v} filter of the conditional write (the embedded store's _id index serves {_id} only)
        ledgers.createIndex(Indexes.ascending("_id", "v"), new IndexOptions().unique(true));
    }

    /**
     * What a claim decided, and how many slots the partner uses with it.
     *
     * @param localDealTaken this side's deal is already registered (or being registered) as another shared deal
     */
    public record Claim(Decision decision, int used, int limit, boolean localDealTaken) {
        public boolean accepted() {
            return !localDealTaken && decision.accepted();
        }
    }

    /**
     * Claims capacity for a registration of {@code sharedDealId} on {@code domain} (null: domain-less). Claiming
     * again for the same deal decides again and keeps one claim. A refused claim writes nothing.
     *
     * @param reopening the deal exists but is closed, and is about to become active again
     * @param localDealId this side's deal the registration is made of, if it exists already: one active registration
     *                    per local deal (null: none to check)
     */
    public Claim claim(String partnerId, String sharedDealId, RegisteredDomain domain, int limit, boolean reopening,
                       String localDealId) {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(sharedDealId, "sharedDealId");
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document ledger = ledgers.find(Filters.eq("_id", partnerId)).first();
            List<Document> pending = pending(ledger, sharedDealId);
            List<Document> active = activeDeals(partnerId, sharedDealId);
            List<Holding> held = new ArrayList<>();
            active.forEach(d -> held.add(new Holding(d.getString("_id"), domain(d.getString("registeredDomain")))));
            pending.forEach(c -> held.add(new Holding(c.getString("deal"), domain(c.getString("domain")))));
            Decision decision = RegistrationCapacity.decide(held, domain, limit);
            boolean taken = localDealId != null && (active.stream().anyMatch(d -> localDealId.equals(
                    d.getString("localDealId"))) || pending.stream().anyMatch(c -> localDealId.equals(
                    c.getString("localDeal"))));
            if (taken || !decision.accepted()) {
                return new Claim(decision, RegistrationCapacity.used(held), limit, taken);
            }
            List<Document> claims = new ArrayList<>(pending);
            claims.add(new Document("deal", sharedDealId).append("domain", domain == null ? null : domain.value())
                    .append("at", Date.from(now())).append("reopening", reopening).append("localDeal", localDealId));
            if (write(partnerId, ledger, claims)) {
                held.add(new Holding(sharedDealId, domain));
                return new Claim(decision, RegistrationCapacity.used(held), limit, false);
            }
        }
        throw new IllegalStateException("could not decide the capacity of partner " + partnerId + " after "
                + MAX_ATTEMPTS + " attempts: too many concurrent registrations");
    }

    /** Forgets the claim of a registration that did not happen (refused after its claim), freeing its slot. */
    public void release(String partnerId, String sharedDealId) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document ledger = ledgers.find(Filters.eq("_id", partnerId)).first();
            if (ledger == null) {
                return;
            }
            List<Document> claims = claims(ledger).stream()
                    .filter(c -> !sharedDealId.equals(c.getString("deal"))).toList();
            if (claims.size() == claims(ledger).size() || write(partnerId, ledger, claims)) {
                return;
            }
        }
    }

    /** Slots the partner uses now: the domains of its active deals and of the registrations in progress. */
    public int used(String partnerId) {
        Document ledger = ledgers.find(Filters.eq("_id", partnerId)).first();
        List<Holding> held = new ArrayList<>();
        activeDeals(partnerId, null).forEach(d -> held.add(new Holding(d.getString("_id"),
                domain(d.getString("registeredDomain")))));
        pending(ledger, null).forEach(c -> held.add(new Holding(c.getString("deal"),
                domain(c.getString("domain")))));
        return RegistrationCapacity.used(held);
    }

    /** Claims of registrations still in progress (not the given deal's own: it is decided again). */
    private List<Document> pending(Document ledger, String exceptDeal) {
        List<Document> claims = claims(ledger);
        if (claims.isEmpty()) {
            return List.of();
        }
        Map<String, String> statuses = new HashMap<>();
        for (Document row : deals.fields(Filters.in("_id", claims.stream().map(c -> c.getString("deal")).toList()),
                List.of("_id", "status"), 0)) {
            statuses.put(row.getString("_id"), row.getString("status"));
        }
        Instant expired = now().minus(claimTimeout);
        List<Document> pending = new ArrayList<>();
        for (Document claim : claims) {
            String deal = claim.getString("deal");
            String status = statuses.get(deal);
            boolean inProgress = status == null || (claim.getBoolean("reopening", false)
                    && !DealStatus.ACTIVE.name().equals(status));
            if (!deal.equals(exceptDeal) && inProgress && claim.getDate("at").toInstant().isAfter(expired)) {
                pending.add(claim);
            }
        }
        return pending;
    }

    /** The partner's active deals (id, registeredDomain, localDealId), but the given one. */
    private List<Document> activeDeals(String partnerId, String exceptDeal) {
        return deals.fields(Filters.and(Filters.eq("partnerId", partnerId),
                        Filters.eq("status", DealStatus.ACTIVE.name())), List.of("_id", "registeredDomain", "localDealId"),
                0).stream().filter(row -> !row.getString("_id").equals(exceptDeal)).toList();
    }

    /** The conditional write: the first ledger of the partner, or the next version of the one read. */
    private boolean write(String partnerId, Document read, List<Document> claims) {
        if (read == null) {
            try {
                ledgers.insertOne(new Document("_id", partnerId).append("v", 1L).append("claims", claims));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        long version = ((Number) read.get("v")).longValue();
        return ledgers.updateOne(Filters.and(Filters.eq("_id", partnerId), Filters.eq("v", version)),
                Updates.combine(Updates.set("v", version + 1), Updates.set("claims", claims)))
                .getModifiedCount() == 1;
    }

    private static List<Document> claims(Document ledger) {
        return ledger == null ? List.of() : ledger.getList("claims", Document.class, List.of());
    }

    private static RegisteredDomain domain(String value) {
        return value == null ? null : new RegisteredDomain(value);
    }

    private Instant now() {
        return clock.instant();
    }
}
