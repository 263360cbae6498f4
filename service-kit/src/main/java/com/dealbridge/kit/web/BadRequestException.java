package com.dealbridge.kit.web;

/** The request is malformed. Answered with 400 {@code Bad Request}. */
public class BadRequestException extends ProblemException {

    public BadRequestException(String detail) {
        super(400, "Bad Request", detail);
    }

    /** With a more specific title than {@code "Bad Request"}. */
    public BadRequestException(String title, String detail) {
        super(400, title, detail);
    }

    public BadRequestException(String detail, Throwable cause) {
        super(400, "Bad Request", detail, cause);
    }
}
