package com.dealbridge.contracts.tools;

import com.dealbridge.contracts.serde.ContractTypes;
import com.dealbridge.contracts.serde.SchemaCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * Registers every contract schema in a registry's Confluent-compatible API, at deploy time rather than from the
 * services (see docs/adr/0011). The subject of a message type is its full name. Its compatibility rule is
 * FULL_TRANSITIVE, set before any version is registered, and its versions are the released ones oldest first, then
 * the current one. Registering again is harmless: the registry answers the id a schema already has.
 */
public final class SchemaRegistration {

    static final String COMPATIBILITY = "FULL_TRANSITIVE";
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param ccompatBase e.g. {@code http://127.0.0.1:8085/apis/ccompat/v7} */
    public SchemaRegistration(URI ccompatBase) {
        String text = ccompatBase.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
    }

    /**
     * Sets the rule and registers the versions of every contract subject.
     *
     * @return the schema ids per subject, in registration order
     * @throws IllegalStateException if the registry refuses a rule or a version (e.g. an incompatible schema)
     */
    public Map<String, List<Integer>> registerAll() {
        SchemaCatalog catalog = SchemaCatalog.load();
        Map<String, List<Integer>> ids = new LinkedHashMap<>();
        for (var type : ContractTypes.all()) {
            Schema current = ContractTypes.schemaOf(type);
            String subject = current.getFullName();
            put("config/" + subject, "{\"compatibility\":\"" + COMPATIBILITY + "\"}");
            List<Schema> versions = new ArrayList<>(catalog.releasedVersions(subject));
            versions.add(current);
            List<Integer> subjectIds = new ArrayList<>();
            for (Schema version : versions) {
                subjectIds.add(register(subject, version));
            }
            ids.put(subject, List.copyOf(subjectIds));
        }
        return ids;
    }

    private int register(String subject, Schema schema) {
        String body = post("subjects/" + subject + "/versions", "{\"schema\":" + jsonString(schema.toString()) + "}");
        Matcher id = ID.matcher(body);
        if (!id.find()) {
            throw new IllegalStateException("Registry answered no id for " + subject + ": " + body);
        }
        return Integer.parseInt(id.group(1));
    }

    private String put(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).PUT(HttpRequest.BodyPublishers.ofString(json)), path);
    }

    private String post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(json)), path);
    }

    private String send(HttpRequest.Builder request, String path) {
        try {
            HttpResponse<String> response = http.send(request.header("Content-Type", CONTENT_TYPE)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Registry refused " + path + ": HTTP " + response.statusCode() + " "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach the schema registry at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while registering schemas", e);
        }
    }

    static String jsonString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
