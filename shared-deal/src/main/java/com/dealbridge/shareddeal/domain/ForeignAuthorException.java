package com.dealbridge.shareddeal.domain;

/** A side may edit only the notes its own side wrote (answered 403 at the edge). */
public class ForeignAuthorException extends RuntimeException {

    public ForeignAuthorException(String message) {
        super(message);
    }
}
