package com.dealbridge.kit.security;

import com.dealbridge.kit.web.ProblemBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** The RFC 9457 problems the API answers when security refuses a request. */
final class ProblemResponses {

    /** No token where one is needed. */
    static final AuthenticationEntryPoint MISSING_TOKEN = (request, response, e) -> write(request, response,
            HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
            "Missing bearer token: send 'Authorization: Bearer <token>'", "Bearer");

    /** A token that is not (or no longer) valid. */
    static final AuthenticationFailureHandler UNKNOWN_TOKEN = (request, response, e) -> write(request, response,
            HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "Unknown, expired or revoked bearer token",
            "Bearer error=\"invalid_token\"");

    /** A valid token of the wrong kind for the area. */
    static final AccessDeniedHandler WRONG_TOKEN = (request, response, e) -> write(request, response,
            HttpServletResponse.SC_FORBIDDEN, "Forbidden", ApiPaths.ADMIN_AREA.matches(request)
                    ? "The admin and management endpoints require the admin token"
                    : "The admin token only opens /admin endpoints; use a user token", null);

    /** A request Spring Security's firewall refuses (e.g. a traversal in the path), as a problem, not a bare 400. */
    static final RequestRejectedHandler REJECTED = (request, response, e) -> write(request, response,
            HttpServletResponse.SC_BAD_REQUEST, "Bad Request", "The request was rejected: " + e.getMessage(), null);

    private ProblemResponses() {
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail, String wwwAuthenticate) throws IOException {
        if (wwwAuthenticate != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
        }
        ProblemBodies.write(response, status, title, detail, request.getRequestURI());
    }
}
