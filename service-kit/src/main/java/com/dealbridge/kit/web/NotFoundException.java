package com.dealbridge.kit.web;

/** The resource does not exist or the caller may not know it exists (another partner's data). Answered with 404 {@code Not Found}. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        super(404, "Not Found", detail);
    }

    /** With a more specific title than {@code "Not Found"}. */
    public NotFoundException(String title, String detail) {
        super(404, title, detail);
    }

    public NotFoundException(String detail, Throwable cause) {
        super(404, "Not Found", detail, cause);
    }
}
