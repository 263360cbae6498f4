package com.dealbridge.shareddeal.domain;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A partner's capacity counts registered company domains, not deals (as HubSpot's partner programs do): every
 * distinct domain of the partner's active registrations takes one slot, so a second deal on a domain the partner
 * already holds takes none; a registration without a domain (when the program allows them) takes a slot of its own.
 * A withdrawn or closed registration holds nothing, which frees its domain once no other active one holds it.
 */
public final class RegistrationCapacity {

    private RegistrationCapacity() {
    }

    /** One active registration of the partner: a deal and the domain it holds (null: domain-less). */
    public record Holding(String sharedDealId, RegisteredDomain domain) {
        public Holding {
            Objects.requireNonNull(sharedDealId, "sharedDealId");
        }
    }

    /** What a new registration of {@code domain} does to the partner's capacity. */
    public enum Decision {
        /** The partner already holds the domain: accepted, no further slot. */
        DOMAIN_ALREADY_HELD,
        /** A free slot is taken. */
        TAKES_A_SLOT,
        /** No slot is left. */
        AT_CAPACITY;

        public boolean accepted() {
            return this != AT_CAPACITY;
        }
    }

    /** Slots in use: distinct domains, plus one per domain-less registration. */
    public static int used(Collection<Holding> active) {
        Set<String> slots = new HashSet<>();
        for (Holding holding : active) {
            slots.add(holding.domain() == null ? "deal:" + holding.sharedDealId() : "domain:" + holding.domain().value());
        }
        return slots.size();
    }

    /**
     * @param active the partner's active registrations, and those being registered at this moment
     * @param domain the new registration's domain; null for a domain-less one
     * @param limit  the partner's capacity limit (slots)
     */
    public static Decision decide(Collection<Holding> active, RegisteredDomain domain, int limit) {
        if (domain != null && active.stream().anyMatch(holding -> domain.equals(holding.domain()))) {
            return Decision.DOMAIN_ALREADY_HELD;
        }
        return used(active) < limit ? Decision.TAKES_A_SLOT : Decision.AT_CAPACITY;
    }
}
