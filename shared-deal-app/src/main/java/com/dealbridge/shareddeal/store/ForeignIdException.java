package com.dealbridge.shareddeal.store;

/** An id (of a note, comment or attachment) that belongs to another shared deal than the one at hand. */
public class ForeignIdException extends RuntimeException {

    public ForeignIdException(String message) {
        super(message);
    }
}
