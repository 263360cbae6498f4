package com.dealbridge.kit.web;

/** The request carries no (valid) credentials. Answered with 401 {@code Unauthorized}. */
public class UnauthorizedException extends ProblemException {

    public UnauthorizedException(String detail) {
        super(401, "Unauthorized", detail);
    }

    /** With a more specific title than {@code "Unauthorized"}. */
    public UnauthorizedException(String title, String detail) {
        super(401, title, detail);
    }

    public UnauthorizedException(String detail, Throwable cause) {
        super(401, "Unauthorized", detail, cause);
    }
}
