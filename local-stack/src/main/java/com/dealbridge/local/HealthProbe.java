package com.dealbridge.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code /actuator/health}; Kafka consumers may join a little after the HTTP port opens. */
final class HealthProbe {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final long POLL_MILLIS = 250;

    private final HttpClient http;

    HealthProbe(HttpClient http) {
        this.http = http;
    }

    /** Status of each service by name once all are UP, or each one's last status when the timeout ends. */
    Map<String, String> awaitUp(Map<String, String> baseUrlsByName, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> statuses = new LinkedHashMap<>();
        while (true) {
            baseUrlsByName.forEach((name, url) -> statuses.put(name, status(url)));
            boolean allUp = statuses.values().stream().allMatch("UP"::equals);
            if (allUp || System.nanoTime() > deadline) {
                return statuses;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return statuses;
            }
        }
    }

    /** "UP", "DOWN", ... as reported (the overall status is the body's first "status"), or why there is none. */
    String status(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher matcher = STATUS.matcher(response.body());
            return matcher.find() ? matcher.group(1) : "HTTP " + response.statusCode();
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
