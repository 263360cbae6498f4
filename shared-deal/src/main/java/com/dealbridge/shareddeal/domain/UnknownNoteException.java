package com.dealbridge.shareddeal.domain;

/** A note, comment or attachment id that is not (or no longer) part of this deal. */
public class UnknownNoteException extends RuntimeException {

    public UnknownNoteException(String message) {
        super(message);
    }
}
