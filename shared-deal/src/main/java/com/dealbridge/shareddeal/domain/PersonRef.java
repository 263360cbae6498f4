package com.dealbridge.shareddeal.domain;

/** A person as the other side sees them: a sales rep, a partner user. */
public record PersonRef(String id, String name, String email) {
}
