package com.dealbridge.kit.web;

/** The request body or uploaded file exceeds a limit. Answered with 413 {@code Content Too Large}. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(String detail) {
        super(413, "Content Too Large", detail);
    }

    /** With a more specific title than {@code "Content Too Large"}. */
    public PayloadTooLargeException(String title, String detail) {
        super(413, title, detail);
    }

    public PayloadTooLargeException(String detail, Throwable cause) {
        super(413, "Content Too Large", detail, cause);
    }
}
