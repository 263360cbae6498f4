package com.dealbridge.kit.web;

import java.util.Map;

/**
 * An error the client caused, answered as an RFC 9457 problem with this status, title and (the message as)
 * detail. Plain Java so that domain code can throw it without depending on Spring; the kit's controller advice
 * turns it into {@code application/problem+json}. The detail is shown to clients: write it for them.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String title;

    protected ProblemException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    protected ProblemException(int status, String title, String detail, Throwable cause) {
        super(detail, cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.title = title;
    }

    /** HTTP status code, 4xx. */
    public int status() {
        return status;
    }

    /** Short, human-readable summary of the problem type (RFC 9457 {@code title}). */
    public String title() {
        return title;
    }

    /** Explanation of this occurrence (RFC 9457 {@code detail}); the exception message. */
    public String detail() {
        return getMessage();
    }

    /** Extension members added to the problem body (e.g. {@code errors}); none by default. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
