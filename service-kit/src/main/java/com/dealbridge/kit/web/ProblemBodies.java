package com.dealbridge.kit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem+json body straight to a response, for the places outside Spring MVC's message
 * converters (security's refusals, the error dispatch of a page request's fallback).
 */
public final class ProblemBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The fields of a problem, in the order clients see them. */
    private record Problem(String type, String title, int status, String detail, String instance) {
    }

    private ProblemBodies() {
    }

    public static void write(HttpServletResponse response, int status, String title, String detail, String instance)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(
                new Problem("about:blank", title, status, detail, instance)));
    }
}
