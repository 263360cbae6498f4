package com.dealbridge.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin endpoints of one service, called over real HTTP with that service's admin token. */
final class AdminApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final JsonMapper json;
    private final String service;
    private final String baseUrl;
    private final String adminToken;

    AdminApi(HttpClient http, JsonMapper json, String service, String baseUrl, String adminToken) {
        this.http = http;
        this.json = json;
        this.service = service;
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
    }

    /** POSTs a JSON body and returns the JSON answer; anything but 2xx with a JSON object is a SeedingException. */
    JsonNode post(String path, Map<String, ?> body) throws SeedingException {
        String call = "POST " + baseUrl + path;
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SeedingException(call + " failed: " + service + " did not answer (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedingException(call + " interrupted", e);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new SeedingException(call + " answered " + status + explain(status) + ": " + detail(response.body()));
        }
        try {
            JsonNode answer = json.readTree(response.body());
            if (answer == null || !answer.isObject()) {
                throw new SeedingException(call + " answered " + status + " without a JSON object: "
                        + abbreviate(response.body()));
            }
            return answer;
        } catch (JacksonException e) {
            throw new SeedingException(call + " answered " + status + " with unreadable JSON: "
                    + abbreviate(response.body()), e);
        }
    }

    /** Reads a required text field of an answer, naming the call when the service left it out. */
    static String field(JsonNode answer, String name, String call) throws SeedingException {
        JsonNode value = answer.get(name);
        if (value == null || value.isNull() || value.asString().isBlank()) {
            throw new SeedingException(call + " answered without '" + name + "': " + answer);
        }
        return value.asString();
    }

    private static String explain(int status) {
        switch (status) {
            case 401:
            case 403:
                return " (admin token refused: is dealbridge.security.admin-token set?)";
            case 404:
            case 405:
                return " (endpoint missing: does this build of the service have its admin API?)";
            default:
                return "";
        }
    }

    /** Prefers the RFC 9457 'detail' (and field errors) over the raw body. */
    private String detail(String body) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.isObject() && problem.hasNonNull("detail")) {
                String detail = problem.get("detail").asString();
                JsonNode errors = problem.get("errors");
                return errors != null && errors.isArray() && !errors.isEmpty() ? detail + " " + errors : detail;
            }
        } catch (JacksonException e) {
            // not JSON: fall through to the raw body
        }
        return abbreviate(body);
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
