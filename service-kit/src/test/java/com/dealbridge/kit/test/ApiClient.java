package com.dealbridge.kit.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A tiny JSON HTTP client for tests against a running service (no Spring needed):
 * <pre>{@code
 * ApiClient api = new ApiClient("http://localhost:" + port);
 * ApiResponse created = api.post("/api/shared-deals", token, Map.of("dealName", "Acme"));
 * assertThat(created.status()).isEqualTo(201);
 * String id = created.json("/id");
 * }</pre>
 * Bodies: a {@code String} is sent verbatim (handy for malformed JSON), anything else (Map, record, list) is
 * serialised with Jackson. A null token sends no Authorization header. Never throws on 4xx/5xx.
 */
public class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** JSON preferred, but downloads (attachments) and /actuator/prometheus must not answer 406. */
    private static final String ACCEPT = "application/json, application/problem+json, */*;q=0.5";

    private final String baseUrl;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        // HTTP/1.1: avoids the h2c upgrade dance against Tomcat.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    public ApiResponse get(String path, String token) {
        return send("GET", path, token, null);
    }

    /** Opens a stream of server-sent events; the caller closes it. */
    public EventStream events(String path, String token) {
        return EventStream.open(http, URI.create(baseUrl + path), token, TIMEOUT);
    }

    public ApiResponse post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    public ApiResponse put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    public ApiResponse patch(String path, String token, Object body) {
        return send("PATCH", path, token, body);
    }

    public ApiResponse delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    /** Uploads one file as {@code multipart/form-data}. */
    public ApiResponse postMultipart(String path, String token, String field, String fileName, String contentType,
            byte[] content) {
        MultipartBody body = new MultipartBody().file(field, fileName, contentType, content);
        HttpRequest.Builder request = request(path, token)
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        return execute(request.build());
    }

    /** Any method; {@code body} null sends no body. */
    public ApiResponse send(String method, String path, String token, Object body) {
        HttpRequest.Builder request = request(path, token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                    : json.writeValueAsBytes(body);
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        return execute(request.build());
    }

    /**
     * Sends exactly what it is given: any method, path (with its query, already percent-encoded), headers and body
     * bytes (null: none). No Authorization, Accept or Content-Type header is added. For fuzzing and malformed input;
     * a response body that claims JSON but is not is kept as bytes ({@link ApiResponse#json()} then missing).
     */
    public ApiResponse exchange(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(TIMEOUT);
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return execute(request.build(), true);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("Accept", ACCEPT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private ApiResponse execute(HttpRequest request) {
        return execute(request, false);
    }

    private ApiResponse execute(HttpRequest request, boolean lenient) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            byte[] body = response.body() == null ? new byte[0] : response.body();
            JsonNode node = MissingNode.getInstance();
            if (body.length > 0 && contentType != null && contentType.contains("json")) {
                try {
                    node = json.readTree(body);
                } catch (JacksonException notJson) {
                    if (!lenient) {
                        throw notJson;
                    }
                }
            }
            return new ApiResponse(response.statusCode(), contentType, node, body, response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }
}
