package com.dealbridge.shareddeal.domain;

/** Who did something, as shown to both sides. */
public record Actor(ActorType type, String id, String displayName) {

    public static Actor system(String displayName) {
        return new Actor(ActorType.SYSTEM, "system", displayName);
    }
}
