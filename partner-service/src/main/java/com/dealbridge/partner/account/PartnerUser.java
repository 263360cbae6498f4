package com.dealbridge.partner.account;

/** A user of one partner; the token that authenticates them is stored only as a hash. */
public record PartnerUser(String id, String partnerId, String name, String email) {
}
