package com.dealbridge.crm.partner;

/** A partner user as the partner side published it. */
public record KnownUser(String id, String name, String email) {
}
