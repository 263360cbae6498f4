package com.dealbridge.kit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every dealbridge service shares, added as the lowest-precedence property source
 * ({@value #SOURCE_NAME}), so any application property, environment variable or test property overrides them:
 * <ul>
 * <li>{@code spring.data.mongodb.auto-index-creation=true} — unique indexes declared on documents exist;</li>
 * <li>{@code management.endpoints.web.exposure.include=health,info,prometheus};</li>
 * <li>{@code management.endpoint.health.show-details=when-authorized} with {@code roles=ADMIN}: the status for
 * everyone, the components only with the admin token (they name the store, the broker and their versions);</li>
 * <li>{@code management.endpoint.health.probes.enabled=true} — the {@code liveness} and {@code readiness} groups
 * ({@code /actuator/health/liveness}, {@code /actuator/health/readiness}) outside Kubernetes too, for its probes and
 * any other orchestrator; declared here ({@code livenessState}, {@code readinessState}; a service adds members), so
 * that they show their members like the endpoint does (only with the admin token);</li>
 * <li>{@code management.otlp.metrics.export.enabled=false} — metrics are scraped from {@code /actuator/prometheus};
 * the OpenTelemetry starter (traces) also brings Micrometer's OTLP registry, which would otherwise push every minute
 * to a collector on localhost that is not there. Traces are exported only once
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} is set (README Traces);</li>
 * <li>{@code spring.mvc.problemdetails.enabled=true} — RFC 9457 bodies for Spring's own errors;</li>
 * <li>{@code spring.jackson.datatype.datetime.write-dates-as-timestamps=false} — ISO-8601 dates and instants;</li>
 * <li>{@code spring.mvc.publish-request-handled-events=false} — no {@code ServletRequestHandledEvent} per request:
 * nothing listens to it, and publishing it walked every application listener on every request (1 % of a service's
 * CPU under load, JFR);</li>
 * <li>{@code spring.threads.virtual.enabled=false} — platform threads (2-core machines, pinned Mongo driver);</li>
 * <li>{@code server.tomcat.max-part-header-size=8KB} — Tomcat's 512 bytes refuse an upload whose (long, or
 * non-Latin) file name fills the part header with a 413 before the application can answer a clear 422;</li>
 * <li>{@code server.tomcat.processor-cache=32} — Tomcat keeps up to this many request processors (about 70 KiB
 * of buffers each) for reuse after a burst, instead of its default of 200: a burst of 200 connections (the
 * benchmark's low-rate scenario opens an event stream per note) otherwise left 14 MiB of them in the heap for good;
 * steady traffic on two cores needs far fewer, and a processor beyond the cache is simply built again;</li>
 * <li>{@code springdoc.default-produces-media-type=application/json} — the OpenAPI document names the media type
 * the answers have, not {@code *}/{@code *};</li>
 * <li>{@code server.servlet.session.cookie.http-only=true}, {@code same-site=lax} — the pages' session cookie;</li>
 * <li>{@code spring.messages.basename=kit-messages} (a service with pages lists its own bundle first) and no
 * fallback to the machine's locale: English is the bundle without a suffix.</li>
 * </ul>
 */
public final class KitDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String SOURCE_NAME = "dealbridgeKitDefaults";

    static final Map<String, Object> DEFAULTS;

    static {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.data.mongodb.auto-index-creation", "true");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.show-details", "when-authorized");
        defaults.put("management.endpoint.health.show-components", "when-authorized");
        defaults.put("management.endpoint.health.roles", "ADMIN");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        // declared, not left to Boot's built-in probe groups, which never show their members, not even to the admin
        defaults.put("management.endpoint.health.group.liveness.include", "livenessState");
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState");
        defaults.put("management.otlp.metrics.export.enabled", "false");
        defaults.put("spring.mvc.problemdetails.enabled", "true");
        defaults.put("spring.jackson.datatype.datetime.write-dates-as-timestamps", "false");
        defaults.put("spring.mvc.publish-request-handled-events", "false");
        defaults.put("spring.threads.virtual.enabled", "false");
        defaults.put("server.tomcat.max-part-header-size", "8KB");
        defaults.put("server.tomcat.processor-cache", "32");
        defaults.put("springdoc.default-produces-media-type", "application/json");
        // pages: the session cookie is out of scripts' reach and not sent by other sites' forms or frames
        defaults.put("server.servlet.session.cookie.http-only", "true");
        defaults.put("server.servlet.session.cookie.same-site", "lax");
        defaults.put("spring.messages.basename", "kit-messages");
        defaults.put("spring.messages.fallback-to-system-locale", "false");
        DEFAULTS = Map.copyOf(defaults);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(SOURCE_NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
