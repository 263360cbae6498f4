package com.dealbridge.partner.directory;

/** A contact in one partner's directory; {@code companyId} (nullable) is a company of the same partner. */
public record Contact(String id, String partnerId, String firstName, String lastName, String email,
        String companyId) {
}
