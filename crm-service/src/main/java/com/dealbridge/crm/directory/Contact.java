package com.dealbridge.crm.directory;

/** A contact in the CRM; {@code companyId} (nullable) is a CRM company. */
public record Contact(String id, String firstName, String lastName, String email, String companyId) {
}
