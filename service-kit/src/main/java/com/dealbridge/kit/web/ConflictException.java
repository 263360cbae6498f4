package com.dealbridge.kit.web;

/** The request conflicts with the resource's state (capacity reached, change the sync policy does not allow, ...). Answered with 409 {@code Conflict}. */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        super(409, "Conflict", detail);
    }

    /** With a more specific title than {@code "Conflict"}. */
    public ConflictException(String title, String detail) {
        super(409, title, detail);
    }

    public ConflictException(String detail, Throwable cause) {
        super(409, "Conflict", detail, cause);
    }
}
