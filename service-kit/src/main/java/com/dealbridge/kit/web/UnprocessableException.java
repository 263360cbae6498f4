package com.dealbridge.kit.web;

import java.util.List;
import java.util.Map;

/**
 * Well-formed input that breaks a rule (blank qualifying field, unknown product, ...). Answered with 422
 * {@code Unprocessable Content}, listing {@link #errors()} as the problem's {@code errors} member when present.
 */
public class UnprocessableException extends ProblemException {

    private final List<FieldError> errors;

    public UnprocessableException(String detail) {
        this(detail, List.of());
    }

    public UnprocessableException(String detail, List<FieldError> errors) {
        super(422, "Unprocessable Content", detail);
        this.errors = List.copyOf(errors);
    }

    /** A single offending field; the detail names it. */
    public static UnprocessableException of(String field, String message) {
        return new UnprocessableException(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> properties() {
        return errors.isEmpty() ? Map.of() : Map.of("errors", errors);
    }
}
