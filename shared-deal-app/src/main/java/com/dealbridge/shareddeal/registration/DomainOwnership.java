package com.dealbridge.shareddeal.registration;

import com.dealbridge.shareddeal.domain.DealStatus;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
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
 * Which partner holds a company domain, decided in the store so that every instance agrees: a domain is held by the
 * partner of its active REGISTERED registrations, or of a registration in progress that claimed it. One document per
 * domain ({@code registered_domains}) with the claims of registrations in progress, changed by compare-and-set on its
 * version like {@link CapacityLedger}'s: of two partners registering a free domain at once, one claims it and the
 * other, reading again, finds it held.
 */
public class DomainOwnership {

    static final String COLLECTION = "registered_domains";

    private final ClaimDocuments domains;
    private final ProjectionStore deals;

    public DomainOwnership(MongoOperations mongo, ProjectionStore deals, RegistrationProperties properties,
                           Clock clock) {
        this.domains = new ClaimDocuments(mongo.getCollection(COLLECTION), deals, properties.claimTimeout(), clock);
        this.deals = deals;
    }

    /**
     * Claims {@code domain} for a registration of {@code partnerId}, unless another partner holds it. A claim the
     * registration does not follow up must be {@link #release released}. @return whether the partner may register
     * the domain (false: another partner holds it; nothing was written)
     */
    public boolean claim(RegisteredDomain domain, String partnerId, String sharedDealId) {
        Objects.requireNonNull(domain, "domain");
        for (int attempt = 0; attempt < CapacityLedger.MAX_ATTEMPTS; attempt++) {
            Document read = domains.read(domain.value());
            List<Document> pending = domains.pending(read, sharedDealId);
            boolean heldByAnother = pending.stream().anyMatch(c -> !partnerId.equals(c.getString("partner")))
                    || heldByAnotherPartner(domain, partnerId);
            if (heldByAnother) {
                return false;
            }
            List<Document> claims = new ArrayList<>(pending);
            claims.add(domains.claim(sharedDealId).append("partner", partnerId));
            if (domains.write(domain.value(), read, claims)) {
                return true;
            }
        }
        throw new IllegalStateException("could not decide who holds " + domain + " after "
                + CapacityLedger.MAX_ATTEMPTS + " attempts: too many concurrent registrations");
    }

    /** Forgets the claim of a registration that did not happen. */
    public void release(RegisteredDomain domain, String sharedDealId) {
        domains.remove(domain.value(), sharedDealId, CapacityLedger.MAX_ATTEMPTS);
    }

    private boolean heldByAnotherPartner(RegisteredDomain domain, String partnerId) {
        return !deals.fields(Filters.and(Filters.eq("registeredDomain", domain.value()),
                Filters.eq("status", DealStatus.ACTIVE.name()),
                // a PENDING registration holds its domain until a rep decides
                Filters.in("registrationState", RegistrationState.REGISTERED.name(),
                        RegistrationState.PENDING.name()),
                Filters.ne("partnerId", partnerId)), List.of("_id"), 1).isEmpty();
    }
}
