package com.dealbridge.kit.directory;

import org.springframework.data.domain.Sort;

/**
 * How both services list companies and contacts: alphabetically, the way people look them up. Each ends with
 * {@code _id}, so that equal names keep one order from page to page.
 */
public final class DirectoryOrder {

    public static final Sort COMPANIES = Sort.by("name", "_id");
    public static final Sort CONTACTS = Sort.by("lastName", "firstName", "_id");

    private DirectoryOrder() {
    }
}
