package com.dealbridge.kit.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * What {@link ApiClient} received.
 *
 * @param status      HTTP status
 * @param contentType the Content-Type header, or null
 * @param json        the parsed body when it is JSON (incl. problem+json), otherwise {@link MissingNode}
 * @param body        the raw body bytes (never null)
 * @param headers     all response headers; look them up with {@link #header(String)} (case-insensitive)
 */
public record ApiResponse(int status, String contentType, JsonNode json, byte[] body,
        Map<String, List<String>> headers) {

    /** Text of the node at a JSON pointer ({@code "/items/0/id"}), or null when absent or JSON null. */
    public String json(String jsonPointer) {
        JsonNode node = node(jsonPointer);
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    /** The node at a JSON pointer; {@link MissingNode} when absent. */
    public JsonNode node(String jsonPointer) {
        return json.at(jsonPointer);
    }

    /** {@code items.size()} of a list response, or of a top-level array. */
    public int size(String jsonPointer) {
        return node(jsonPointer).size();
    }

    /** First value of a header, case-insensitive; null when absent. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** True for an RFC 9457 answer: Content-Type application/problem+json. */
    public boolean isProblem() {
        return contentType != null && contentType.startsWith("application/problem+json");
    }

    @Override
    public String toString() {
        return "ApiResponse[" + status + " " + contentType + " " + bodyAsString() + "]";
    }
}
