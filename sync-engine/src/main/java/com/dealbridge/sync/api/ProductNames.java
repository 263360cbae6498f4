package com.dealbridge.sync.api;

import java.util.Collection;
import java.util.Map;

/** Looks up product names for the product interest of shared deals; each side knows its catalogue. */
public interface ProductNames {

    /** Names by id for the ids it knows, in one lookup (callers pass all ids of a page at once). */
    Map<String, String> namesOf(Collection<String> productIds);
}
