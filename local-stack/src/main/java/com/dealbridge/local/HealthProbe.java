package com.dealbridge.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code /actuator/health}; Kafka consumers may join a little after the HTTP port opens. */
final class HealthProbe {

    private static final long POLL_MILLIS = 250;

    private final HttpClient http;
    private final JsonMapper json;

    HealthProbe(HttpClient http, JsonMapper json) {
        this.http = http;
        this.json = json;
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

    /** The overall "UP", "DOWN", ... as reported (503 comes with a body too), or why there is none. */
    String status(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode status = json.readTree(response.body()).path("status");
            return status.isString() ? status.asString() : "HTTP " + response.statusCode();
        } catch (JacksonException e) {
            return "HTTP answer without JSON";
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
