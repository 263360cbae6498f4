package com.dealbridge.crm.directory;

/** A company in the CRM. */
public record Company(String id, String name, String domain) {
}
