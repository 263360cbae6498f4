package com.dealbridge.shareddeal.api;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The product catalogue as the shared-deal API needs it: names for the product interest of shared deals, and
 * which ids are not products (to refuse them with 422). Each side implements it over its catalogue.
 */
public interface ProductNames {

    /** Names by id for the ids it knows, in one lookup (callers pass all ids of a page at once). */
    Map<String, String> namesOf(Collection<String> productIds);

    /** The ids that are not products of the catalogue, in the order given; retired products are known. */
    default Set<String> unknown(Collection<String> productIds) {
        Set<String> unknown = new LinkedHashSet<>(productIds);
        if (!unknown.isEmpty()) {
            unknown.removeAll(namesOf(unknown).keySet());
        }
        return unknown;
    }
}
