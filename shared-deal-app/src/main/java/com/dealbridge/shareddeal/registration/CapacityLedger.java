package com.dealbridge.shareddeal.registration;

import com.dealbridge.shareddeal.domain.DealStatus;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import com.dealbridge.shareddeal.domain.RegistrationCapacity;
import com.dealbridge.shareddeal.domain.RegistrationCapacity.Decision;
import com.dealbridge.shareddeal.domain.RegistrationCapacity.Holding;
import com.dealbridge.shareddeal.domain.RegistrationState;
import com.dealbridge.shareddeal.store.ProjectionStore;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
    static final int MAX_ATTEMPTS = 200;

    private final ClaimDocuments ledgers;
    private final ProjectionStore deals;

    public CapacityLedger(MongoOperations mongo, ProjectionStore deals, RegistrationProperties properties,
                          Clock clock) {
        this.ledgers = new ClaimDocuments(mongo.getCollection(COLLECTION), deals, properties.claimTimeout(), clock);
        this.deals = deals;
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
            Document ledger = ledgers.read(partnerId);
            List<Document> pending = ledgers.pending(ledger, sharedDealId);
            List<Document> active = activeDeals(partnerId, sharedDealId);
            List<Holding> held = new ArrayList<>();
            active.stream().filter(d -> holds(d.getString("registrationState")))
                    .forEach(d -> held.add(new Holding(d.getString("_id"), domain(d.getString("registeredDomain")))));
            pending.stream().filter(c -> !c.getBoolean("holdsNothing", false))
                    .forEach(c -> held.add(new Holding(c.getString("deal"), domain(c.getString("domain")))));
            Decision decision = RegistrationCapacity.decide(held, domain, limit);
            boolean taken = localDealId != null && (active.stream().anyMatch(d -> localDealId.equals(
                    d.getString("localDealId"))) || pending.stream().anyMatch(c -> localDealId.equals(
                    c.getString("localDeal"))));
            if (taken || !decision.accepted()) {
                return new Claim(decision, RegistrationCapacity.used(held), limit, taken);
            }
            List<Document> claims = new ArrayList<>(pending);
            claims.add(ledgers.claim(sharedDealId).append("domain", domain == null ? null : domain.value())
                    .append("reopening", reopening).append("localDeal", localDealId));
            if (ledgers.write(partnerId, ledger, claims)) {
                held.add(new Holding(sharedDealId, domain));
                return new Claim(decision, RegistrationCapacity.used(held), limit, false);
            }
        }
        throw new IllegalStateException("could not decide the capacity of partner " + partnerId + " after "
                + MAX_ATTEMPTS + " attempts: too many concurrent registrations");
    }

    /**
     * Keeps one active registration per local deal for a registration that takes no capacity (an UNAVAILABLE one):
     * claims nothing but the local deal. @return false when the local deal is taken
     */
    public boolean claimLocalDeal(String partnerId, String sharedDealId, String localDealId) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document ledger = ledgers.read(partnerId);
            List<Document> pending = ledgers.pending(ledger, sharedDealId);
            boolean taken = activeDeals(partnerId, sharedDealId).stream()
                    .anyMatch(d -> localDealId.equals(d.getString("localDealId")))
                    || pending.stream().anyMatch(c -> localDealId.equals(c.getString("localDeal")));
            if (taken) {
                return false;
            }
            List<Document> claims = new ArrayList<>(pending);
            claims.add(ledgers.claim(sharedDealId).append("domain", null).append("holdsNothing", true)
                    .append("localDeal", localDealId));
            if (ledgers.write(partnerId, ledger, claims)) {
                return true;
            }
        }
        throw new IllegalStateException("could not register local deal " + localDealId + " after " + MAX_ATTEMPTS
                + " attempts: too many concurrent registrations");
    }

    /** Forgets the claim of a registration that did not happen (refused after its claim), freeing its slot. */
    public void release(String partnerId, String sharedDealId) {
        ledgers.remove(partnerId, sharedDealId, MAX_ATTEMPTS);
    }

    /** Slots the partner uses now: the domains of its active registrations and of the registrations in progress. */
    public int used(String partnerId) {
        List<Holding> held = new ArrayList<>();
        activeDeals(partnerId, null).stream().filter(d -> holds(d.getString("registrationState")))
                .forEach(d -> held.add(new Holding(d.getString("_id"), domain(d.getString("registeredDomain")))));
        ledgers.pending(ledgers.read(partnerId), null).stream().filter(c -> !c.getBoolean("holdsNothing", false))
                .forEach(c -> held.add(new Holding(c.getString("deal"), domain(c.getString("domain")))));
        return RegistrationCapacity.used(held);
    }

    /** The partner's active deals (id, registeredDomain, registrationState, localDealId), but the given one. */
    private List<Document> activeDeals(String partnerId, String exceptDeal) {
        return deals.fields(Filters.and(Filters.eq("partnerId", partnerId),
                        Filters.eq("status", DealStatus.ACTIVE.name())),
                List.of("_id", "registeredDomain", "registrationState", "localDealId"), 0).stream()
                .filter(row -> !row.getString("_id").equals(exceptDeal)).toList();
    }

    /** An UNAVAILABLE registration holds no domain and no slot (a missing state: a deal older than the states). */
    private static boolean holds(String registrationState) {
        return registrationState == null || RegistrationState.valueOf(registrationState).isRegistered();
    }

    private static RegisteredDomain domain(String value) {
        return value == null ? null : new RegisteredDomain(value);
    }
}
