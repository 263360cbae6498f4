package com.dealbridge.kit.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer-token authentication and the coarse role rule, in one place:
 * <ul>
 * <li>public: {@code /actuator/health/**} (the status only; with the admin token also the details),
 * {@code /v3/api-docs/**}, {@code /swagger-ui.html}, {@code /swagger-ui/**}, {@code /error};</li>
 * <li>{@code /admin/**} and the rest of {@code /actuator/**} (metrics, info): only the admin token (a valid user
 * token answers 403);</li>
 * <li>everything else (the API lives under {@code /api/**}): a token known to the {@link CallerResolver};
 * the admin token answers 403.</li>
 * </ul>
 * Paths outside {@code /api} are guarded like {@code /api} so that a controller mapped elsewhere by mistake is
 * not public. Anything refused is answered here with an RFC 9457 problem.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final Set<String> PUBLIC_FIRST_SEGMENTS = Set.of("swagger-ui", "swagger-ui.html", "error");
    /** The role the admin token gets on actuator endpoints ({@code management.endpoint.health.roles}). */
    static final String ADMIN_ROLE = "ADMIN";
    private static final String BEARER = "Bearer ";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final byte[] adminTokenHash;
    private final ObjectProvider<CallerResolver> callerResolver;
    private final CallerCache callers;

    BearerTokenFilter(SecurityProperties properties, ObjectProvider<CallerResolver> callerResolver,
                      CallerCache callers) {
        this.adminTokenHash = Tokens.sha256(properties.adminToken());
        // Resolved lazily: the resolver usually needs Mongo, which must not be created while the servlet
        // container registers its filters.
        this.callerResolver = callerResolver;
        this.callers = callers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> segments = segments(request);
        if (isHealth(segments)) {
            // the status for everyone (load balancers, probes); the details only for the admin
            Optional<String> presented = bearerToken(request);
            chain.doFilter(presented.isPresent() && isAdminToken(presented.get()) ? asAdmin(request) : request,
                    response);
            return;
        }
        if (isPublic(segments)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> token = bearerToken(request);
        if (token.isEmpty()) {
            refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Missing bearer token: send 'Authorization: Bearer <token>'", "Bearer");
            return;
        }
        boolean adminToken = isAdminToken(token.get());
        boolean adminArea = !segments.isEmpty() && (segments.get(0).equals("admin") || segments.get(0)
                .equals("actuator"));
        if (adminArea) {
            if (adminToken) {
                request.setAttribute(CurrentCaller.ATTRIBUTE, Caller.admin());
                chain.doFilter(asAdmin(request), response);
            } else if (resolve(token.get()).isPresent()) {
                refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                        "The admin and management endpoints require the admin token", null);
            } else {
                unknownToken(request, response);
            }
            return;
        }
        if (adminToken) {
            refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "The admin token only opens /admin endpoints; use a user token", null);
            return;
        }
        Optional<Caller> caller = resolve(token.get());
        if (caller.isEmpty()) {
            unknownToken(request, response);
            return;
        }
        request.setAttribute(CurrentCaller.ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    /**
     * The decoded path segments without matrix parameters and empty segments, i.e. what Spring MVC's path
     * patterns match against, so this filter and the handler mapping never disagree about where a request goes
     * (e.g. {@code /admin;x=1/partners} is still the admin area).
     */
    static List<String> segments(HttpServletRequest request) {
        RequestPath path = RequestPath.parse(request.getRequestURI(), request.getContextPath());
        List<String> segments = new ArrayList<>();
        for (PathContainer.Element element : path.pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment && !segment.valueToMatch().isEmpty()) {
                segments.add(segment.valueToMatch());
            }
        }
        return segments;
    }

    static boolean isHealth(List<String> segments) {
        return segments.size() >= 2 && segments.get(0).equals("actuator") && segments.get(1).equals("health");
    }

    /** The request as the admin's: actuator endpoints see a principal in the {@value #ADMIN_ROLE} role. */
    private static HttpServletRequest asAdmin(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return () -> "admin";
            }

            @Override
            public boolean isUserInRole(String role) {
                return ADMIN_ROLE.equals(role);
            }
        };
    }

    static boolean isPublic(List<String> segments) {
        if (segments.isEmpty()) {
            return false;
        }
        String first = segments.get(0);
        return PUBLIC_FIRST_SEGMENTS.contains(first)
                || (first.equals("v3") && segments.size() > 1 && segments.get(1).equals("api-docs"));
    }

    private static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** Compares digests, so the time taken reveals neither content nor length of the admin token. */
    private boolean isAdminToken(String token) {
        return MessageDigest.isEqual(adminTokenHash, Tokens.sha256(token));
    }

    private Optional<Caller> resolve(String token) {
        String hash = Tokens.hash(token);
        Optional<Caller> known = callers.find(hash);
        if (known.isPresent()) {
            return known;
        }
        CallerResolver resolver = callerResolver.getIfAvailable();
        Optional<Caller> caller = resolver == null ? Optional.empty() : resolver.resolve(hash);
        caller.ifPresent(found -> callers.remember(hash, found));
        return caller;
    }

    private static void unknownToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                "Unknown, expired or revoked bearer token", "Bearer error=\"invalid_token\"");
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail, String wwwAuthenticate) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status);
        if (wwwAuthenticate != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
