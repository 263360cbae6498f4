package com.dealbridge.kit.web;

/**
 * One entry of a problem's {@code errors} member.
 *
 * @param field   the offending field as the client named it, e.g. {@code "introNote"} or {@code "lineItems[0].quantity"}
 * @param message what is wrong with it, e.g. {@code "must not be blank"}
 */
public record FieldError(String field, String message) {
}
