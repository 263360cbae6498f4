package com.dealbridge.kit.web;

/** The content type is not accepted (e.g. an attachment type outside the allow-list). Answered with 415 {@code Unsupported Media Type}. */
public class UnsupportedMediaTypeException extends ProblemException {

    public UnsupportedMediaTypeException(String detail) {
        super(415, "Unsupported Media Type", detail);
    }

    /** With a more specific title than {@code "Unsupported Media Type"}. */
    public UnsupportedMediaTypeException(String title, String detail) {
        super(415, title, detail);
    }

    public UnsupportedMediaTypeException(String detail, Throwable cause) {
        super(415, "Unsupported Media Type", detail, cause);
    }
}
