package com.dealbridge.partner.directory;

/** A company in one partner's directory. */
public record Company(String id, String partnerId, String name, String domain) {
}
