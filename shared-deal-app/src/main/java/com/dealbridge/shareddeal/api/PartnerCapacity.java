package com.dealbridge.shareddeal.api;

import java.util.OptionalInt;

/**
 * How many active registrations a partner may hold, as this side knows it (the partner's account; the CRM's copy
 * from the accounts topic). Used when an edit would make a closed deal active again.
 */
public interface PartnerCapacity {

    /** The partner's capacity limit, or empty when this side does not know the partner. */
    OptionalInt capacityLimit(String partnerId);
}
