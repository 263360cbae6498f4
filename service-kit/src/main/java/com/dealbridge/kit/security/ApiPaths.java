package com.dealbridge.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Where a request goes, judged on the decoded path segments without matrix parameters and empty segments, i.e.
 * what Spring MVC's path patterns match against, so security and the handler mapping never disagree (e.g.
 * {@code /admin;x=1/partners} is still the admin area).
 * <ul>
 * <li>health: {@code /actuator/health/**}, public (the status; the components only for the admin token);</li>
 * <li>public: {@code /v3/api-docs/**}, {@code /swagger-ui.html}, {@code /swagger-ui/**}, {@code /error};</li>
 * <li>admin area: {@code /admin/**} and the rest of {@code /actuator/**}: only the admin token;</li>
 * <li>API: {@code /api/**}: a user token. With pages, other paths are the pages' (a bearer token opens none).</li>
 * </ul>
 */
final class ApiPaths {

    private static final Set<String> PUBLIC_FIRST_SEGMENTS = Set.of("swagger-ui", "swagger-ui.html", "error");
    private static final Set<String> API_FIRST_SEGMENTS = Set.of("api", "admin", "actuator", "v3", "swagger-ui",
            "swagger-ui.html");

    static final RequestMatcher HEALTH = request -> isHealth(segments(request));
    static final RequestMatcher PUBLIC = request -> isPublic(segments(request));
    static final RequestMatcher ADMIN_AREA = request -> isAdminArea(segments(request));
    /** What the bearer-token chain answers when the service also has pages; without pages it answers everything. */
    static final RequestMatcher API = request -> isApi(segments(request));

    private ApiPaths() {
    }

    static List<String> segments(HttpServletRequest request) {
        return segments(RequestPath.parse(request.getRequestURI(), request.getContextPath()));
    }

    /** Whether a request URI is the pages' (with pages: neither the API's nor public, as the page chain sees it). */
    static boolean isPage(String uri) {
        List<String> segments = segments(RequestPath.parse(uri, null));
        return !isApi(segments) && !isPublic(segments);
    }

    private static List<String> segments(RequestPath path) {
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

    static boolean isPublic(List<String> segments) {
        if (segments.isEmpty()) {
            return false;
        }
        String first = segments.get(0);
        return PUBLIC_FIRST_SEGMENTS.contains(first)
                || (first.equals("v3") && segments.size() > 1 && segments.get(1).equals("api-docs"));
    }

    static boolean isAdminArea(List<String> segments) {
        return !segments.isEmpty() && (segments.get(0).equals("admin") || segments.get(0).equals("actuator"));
    }

    private static boolean isApi(List<String> segments) {
        return !segments.isEmpty() && API_FIRST_SEGMENTS.contains(segments.get(0));
    }
}
