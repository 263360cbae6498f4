package com.dealbridge.kit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What a client needs from a service's OpenAPI document, found wanting: a title and version, no {@code /error}
 * operations, and per operation a description, a success answer, the problem answers its shape implies, and typed schemas
 * (a schema that is a bare {@code object} or a map says nothing a client can rely on).
 */
public final class ApiDocumentChecks {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private ApiDocumentChecks() {
    }

    /**
     * Fetches the service's document, keeps it as {@code target/openapi.json} (what clients get, for a look) and
     * asserts it is complete and bears the title.
     */
    public static void assertCompleteAndTyped(ApiClient api, String title) throws IOException {
        ApiResponse docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        Files.writeString(Path.of("target", "openapi.json"), docs.bodyAsString());
        assertThat(shortcomings(docs.json())).isEmpty();
        assertThat(docs.json().path("info").path("title").asString()).isEqualTo(title);
    }

    /** @return one line per shortcoming; empty when the document is complete */
    public static List<String> shortcomings(JsonNode docs) {
        List<String> found = new ArrayList<>();
        if (docs.path("info").path("title").asString("").isBlank()
                || docs.path("info").path("title").asString("").startsWith("OpenAPI definition")) {
            found.add("info.title is the default");
        }
        if (docs.path("info").path("version").asString("").isBlank()) {
            found.add("info.version is missing");
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").properties().iterator();
                paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().equals("/error") || path.getKey().startsWith("/error/")) {
                found.add(path.getKey() + " is documented as an operation");
                continue;
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    check(docs, method.toUpperCase() + " " + path.getKey(), operation, found);
                }
            }
        }
        return found;
    }

    private static void check(JsonNode docs, String name, JsonNode operation, List<String> found) {
        if (operation.path("description").asString("").isBlank() && operation.path("summary").asString("").isBlank()) {
            found.add(name + " has no description");
        }
        JsonNode responses = operation.path("responses");
        boolean success = false;
        for (Iterator<Map.Entry<String, JsonNode>> answers = responses.properties().iterator(); answers.hasNext();) {
            Map.Entry<String, JsonNode> answer = answers.next();
            String status = answer.getKey();
            success |= status.startsWith("2");
            if (answer.getValue().path("description").asString("").isBlank()) {
                found.add(name + " " + status + " has no description");
            }
            for (JsonNode media : answer.getValue().path("content")) {
                String untyped = untyped(docs, media.path("schema"), new HashSet<>());
                if (untyped != null) {
                    found.add(name + " " + status + " answers an untyped schema (" + untyped + ")");
                }
            }
            if (status.startsWith("4") && !answer.getValue().path("content").has("application/problem+json")) {
                found.add(name + " " + status + " is not documented as application/problem+json");
            }
        }
        if (!success) {
            found.add(name + " documents no 2xx answer");
        }
        for (String status : List.of("401", "403")) {
            if (!responses.has(status)) {
                found.add(name + " does not document " + status);
            }
        }
        if (name.contains("{") && !responses.has("404")) {
            found.add(name + " does not document 404");
        }
        if (operation.has("requestBody") && !(responses.has("415") && responses.has("422"))) {
            found.add(name + " takes a body but does not document 415 and 422");
        }
    }

    /** @return what makes the schema untyped, or null */
    private static String untyped(JsonNode docs, JsonNode schema, Set<String> seen) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            if (!seen.add(ref)) {
                return null;
            }
            return untyped(docs, docs.at(ref.substring(1)), seen);
        }
        if (schema.has("additionalProperties") && !schema.has("properties")) {
            return "a map";
        }
        if (schema.path("type").asString("").equals("array")) {
            return untyped(docs, schema.path("items"), seen);
        }
        if (schema.path("type").asString("").equals("object") && !schema.has("properties")) {
            return "an object without properties";
        }
        if (schema.isEmpty()) {
            return "no schema";
        }
        for (JsonNode property : schema.path("properties")) {
            String untyped = untyped(docs, property, seen);
            if (untyped != null) {
                return untyped;
            }
        }
        return null;
    }
}
