package com.dealbridge.kit.web;

/** The caller is known but may not do this. Answered with 403 {@code Forbidden}. */
public class ForbiddenException extends ProblemException {

    public ForbiddenException(String detail) {
        super(403, "Forbidden", detail);
    }

    /** With a more specific title than {@code "Forbidden"}. */
    public ForbiddenException(String title, String detail) {
        super(403, title, detail);
    }

    public ForbiddenException(String detail, Throwable cause) {
        super(403, "Forbidden", detail, cause);
    }
}
