package com.dealbridge.shareddeal.domain;

/** Who wrote a note, comment or attachment: the side and the user there. */
public record Author(Origin side, String id, String name) {

    static Author of(EventHeader header) {
        return new Author(header.origin(), header.actor().id(), header.actor().displayName());
    }
}
