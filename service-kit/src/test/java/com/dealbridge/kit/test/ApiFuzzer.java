package com.dealbridge.kit.test;

import static com.dealbridge.kit.test.FuzzWire.brokenMultipart;
import static com.dealbridge.kit.test.FuzzWire.multipart;
import static com.dealbridge.kit.test.FuzzWire.target;
import static com.dealbridge.kit.test.FuzzWire.write;
import static com.dealbridge.kit.test.HostileValues.ACCEPTS;
import static com.dealbridge.kit.test.HostileValues.AUTH_HEADERS;
import static com.dealbridge.kit.test.HostileValues.CONTENT_TYPES;
import static com.dealbridge.kit.test.HostileValues.HOSTILE_DATES;
import static com.dealbridge.kit.test.HostileValues.HOSTILE_NUMBERS;
import static com.dealbridge.kit.test.HostileValues.HOSTILE_STRINGS;
import static com.dealbridge.kit.test.HostileValues.HOSTILE_STRUCTURES;
import static com.dealbridge.kit.test.HostileValues.ONE_MB;
import static com.dealbridge.kit.test.HostileValues.PATH_VALUES;
import static com.dealbridge.kit.test.HostileValues.QUERY_VALUES;
import static com.dealbridge.kit.test.HostileValues.RAW_BODIES;
import static com.dealbridge.kit.test.HostileValues.systematic;
import static org.awaitility.Awaitility.await;

import com.dealbridge.kit.test.HostileValues.Raw;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * Sends malformed variants of every operation of a service's OpenAPI document and reports what no request may
 * cause: a 5xx, a 4xx that is not {@code application/problem+json} (or whose {@code status} member disagrees), a
 * 4xx after which the state differs from before it, a status the document does not list for the operation, an
 * answer that took longer than {@link #slowAfter}, or no answer at all.
 * <p>
 * Each operation gets {@link #variantsPerOperation} requests, each a valid request (built from the schema and the
 * service's known ids) with one thing broken: a body field set to a value of the wrong type, null, a huge or odd
 * string (1 MB, RTL, emoji, NUL, lone surrogates), a huge, negative or exponent number, an out-of-range date;
 * fields missing or extra; a body that is not JSON or not the expected shape; another content type; a path id that
 * does not exist, is not a UUID or climbs out of the path; query values of the wrong type or out of range; no,
 * a wrong or another role's token; an Accept the service cannot produce; a method the path does not take. Some are
 * left valid, so the valid path is exercised too.
 * <p>
 * Reproducible: every operation draws from its own {@link Random} seeded from {@link #seed} and the operation, so
 * a finding names the seed and the variant that shows it.
 */
public final class ApiFuzzer {

    /** One operation of the OpenAPI document. */
    public record Operation(String method, String path, List<Parameter> parameters, String bodyType,
            JsonNode bodySchema) {

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        boolean hasBody() {
            return bodyType != null;
        }

        boolean multipart() {
            return bodyType != null && bodyType.startsWith("multipart/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A path, query or header parameter. */
    public record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    /** Something a request caused that no request may cause. */
    public record Finding(String operation, String problem, String request, int status, String response) {

        @Override
        public String toString() {
            return operation + ": " + problem + "\n    request:  " + request + "\n    response: " + status + " "
                    + response;
        }
    }

    /** What a run did and found. */
    public record Report(long seed, int requests, Map<String, Integer> byStatus, List<Finding> findings,
            Duration took, Duration readingState, long slowestMillis, String slowestRequest) {

        @Override
        public String toString() {
            return "seed " + seed + ": " + requests + " requests in " + took.toMillis() + " ms ("
                    + readingState.toMillis() + " ms of it reading the state), by status " + byStatus + ", slowest "
                    + slowestMillis + " ms (" + slowestRequest + "), " + findings.size() + " finding(s)";
        }
    }

    /** A request as sent, described for a finding. */
    private record Request(String variant, String method, String target, Map<String, String> headers, byte[] body) {

        String describe() {
            String text = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            String auth = headers.getOrDefault("Authorization", "(none)");
            return "[" + variant + "] " + method + " " + abbreviate(target, 300) + " auth=" + abbreviate(auth, 40)
                    + " type=" + headers.get("Content-Type") + " body(" + (body == null ? 0 : body.length) + ")="
                    + text.replace("\n", "\\n");
        }
    }

    /** What a {@link #field} hint answers to leave the field out of valid requests. */
    public static final Object OMIT = new Object();


    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    private final ApiClient client;
    private final JsonNode docs;
    private long seed = 1;
    private int variantsPerOperation = 40;
    private Duration slowAfter = Duration.ofSeconds(5);
    private Function<Operation, String> token = op -> null;
    private final List<String> otherTokens = new ArrayList<>();
    private final Map<String, List<String>> pathValues = new HashMap<>();
    private final Map<String, Function<Random, Object>> fieldValues = new HashMap<>();
    private final Map<String, Function<Random, String>> queryValues = new HashMap<>();
    private Supplier<Map<String, ?>> state = Map::of;
    private Predicate<Operation> skip = op -> false;
    private Predicate<Operation> last = op -> op.method().equals("DELETE");

    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Integer> byStatus = new TreeMap<>();
    private int requests;
    private long slowestMillis;
    private String slowestRequest = "";
    private Map<String, ?> current;
    private long stateNanos;

    public ApiFuzzer(ApiClient client, JsonNode apiDocs) {
        this.client = client;
        this.docs = apiDocs;
    }

    public ApiFuzzer seed(long seed) {
        this.seed = seed;
        return this;
    }

    public ApiFuzzer variantsPerOperation(int variants) {
        this.variantsPerOperation = variants;
        return this;
    }

    /** An answer that takes longer than this is a finding (a request must not be able to keep a worker busy). */
    public ApiFuzzer slowAfter(Duration slowAfter) {
        this.slowAfter = slowAfter;
        return this;
    }

    /** The token a valid request of the operation carries (null: none). */
    public ApiFuzzer token(Function<Operation, String> token) {
        this.token = token;
        return this;
    }

    /** Valid tokens of other roles or users, sent instead of the right one now and then. */
    public ApiFuzzer otherTokens(String... tokens) {
        otherTokens.addAll(List.of(tokens));
        return this;
    }

    /**
     * Ids a path parameter takes in a valid request (otherwise a random UUID): {@code "noteId"} for every path, or
     * {@code "/api/deals/{id} id"} for one path.
     */
    public ApiFuzzer pathValues(String parameter, String... values) {
        pathValues.put(parameter, List.of(values));
        return this;
    }

    /**
     * The valid value of a body field, instead of one made from its schema: {@code "closeDate"} for every field of
     * that name at any depth, or {@code "DealPatch.closeDate"} for the field of that component schema only. The
     * function may answer {@link #OMIT}.
     */
    public ApiFuzzer field(String name, Function<Random, Object> valid) {
        fieldValues.put(name, valid);
        return this;
    }

    /** The valid value of a query parameter of this name, instead of one made from its schema. */
    public ApiFuzzer query(String name, Function<Random, String> valid) {
        queryValues.put(name, valid);
        return this;
    }

    /**
     * A cheap fingerprint of the service's whole state (e.g. per collection a count and a hash), compared before
     * and after every 4xx; after a successful write it is read until it stops changing (background work).
     */
    public ApiFuzzer state(Supplier<Map<String, ?>> state) {
        this.state = state;
        return this;
    }

    public ApiFuzzer skip(Predicate<Operation> skip) {
        this.skip = skip;
        return this;
    }

    /** Operations fuzzed after all others (withdrawals, deletions: they take the known ids away). */
    public ApiFuzzer last(Predicate<Operation> last) {
        this.last = last;
        return this;
    }

    /** The operations of the document, in its order. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.get("paths").properties().iterator(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null || answersAStream(op)) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : op.path("parameters")) {
                    parameters.add(new Parameter(parameter.get("name").asString(), parameter.get("in").asString(),
                            resolve(parameter.path("schema")), parameter.path("required").asBoolean(false)));
                }
                String bodyType = null;
                JsonNode bodySchema = null;
                JsonNode content = op.path("requestBody").path("content");
                if (content.isObject() && !content.isEmpty()) {
                    Map.Entry<String, JsonNode> first = content.properties().iterator().next();
                    bodyType = first.getKey();
                    bodySchema = first.getValue().path("schema");
                }
                operations.add(new Operation(method.toUpperCase(), path.getKey(), parameters, bodyType, bodySchema));
            }
        }
        return operations;
    }

    /**
     * A stream of server-sent events never finishes its answer while the resource exists: the fuzzer, which reads
     * every answer to its end, leaves it to the tests of the stream.
     */
    private static boolean answersAStream(JsonNode op) {
        for (JsonNode answer : op.path("responses")) {
            if (answer.path("content").has("text/event-stream")) {
                return true;
            }
        }
        return false;
    }

    public Report run() {
        long started = System.nanoTime();
        List<Operation> operations = new ArrayList<>(operations().stream().filter(skip.negate()).toList());
        operations.sort(Comparator.comparing(op -> last.test(op)));
        current = settle();
        for (Operation operation : operations) {
            Random random = new Random(seed * 1_000_003L + operation.toString().hashCode());
            int index = 0;
            if (operation.hasBody() && !operation.multipart()) {
                // every field gets every hostile value of its kind once, so no field's rare value is left to chance
                List<Slot> slots = new ArrayList<>();
                collect(valid(operation.bodySchema(), "", random, 0, null), operation.bodySchema(), "", slots);
                for (Slot slot : slots) {
                    for (Object value : systematic(slot.schema())) {
                        send(operation, variant(operation, random, index++, slot.path(), value));
                    }
                }
            }
            for (int i = 0; i < variantsPerOperation; i++) {
                send(operation, variant(operation, random, index++, null, null));
            }
        }
        return new Report(seed, requests, byStatus, List.copyOf(findings),
                Duration.ofNanos(System.nanoTime() - started), Duration.ofNanos(stateNanos), slowestMillis,
                slowestRequest);
    }

    // ---- sending and checking

    private void send(Operation operation, Request request) {
        requests++;
        long start = System.nanoTime();
        ApiResponse response;
        try {
            response = client.exchange(request.method(), request.target(), request.headers(), request.body());
        } catch (IllegalArgumentException unsendable) {
            // the HTTP client itself refuses the request (a header value it will not send): nothing reached the server
            requests--;
            byStatus.merge("unsendable", 1, Integer::sum);
            return;
        } catch (UncheckedIOException | IllegalStateException e) {
            byStatus.merge("no answer", 1, Integer::sum);
            findings.add(new Finding(operation.toString(), "no answer: " + e + " / " + e.getCause(),
                    request.describe(), 0, ""));
            current = settle();
            return;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > slowestMillis) {
            slowestMillis = millis;
            slowestRequest = abbreviate(request.describe(), 200);
        }
        int status = response.status();
        byStatus.merge(status / 100 + "xx", 1, Integer::sum);
        String body = abbreviate(response.bodyAsString(), 400);
        if (request.method().equals(operation.method()) && !documented(operation, status)) {
            findings.add(new Finding(operation.toString(), "answered " + status + ", which the API document does"
                    + " not list for this operation", request.describe(), status, body));
        }
        if (millis > slowAfter.toMillis()) {
            findings.add(new Finding(operation.toString(), "answered after " + millis + " ms", request.describe(),
                    status, body));
        }
        if (status >= 500) {
            findings.add(new Finding(operation.toString(), "server error", request.describe(), status, body));
            current = settle();
        } else if (status >= 400) {
            if (!response.isProblem()) {
                findings.add(new Finding(operation.toString(), "4xx without application/problem+json (was "
                        + response.contentType() + ")", request.describe(), status, body));
            } else if (response.node("/status").asInt() != status) {
                findings.add(new Finding(operation.toString(), "problem status member is not " + status,
                        request.describe(), status, body));
            }
            Map<String, ?> after = readState();
            if (!after.equals(current)) {
                findings.add(new Finding(operation.toString(), "a refused request changed state: "
                        + difference(current, after), request.describe(), status, body));
                current = settle();
            }
        } else if (!request.method().equals("GET")) {
            current = settle();
        }
    }

    /** Whether the operation's {@code responses} in the API document list the status (or a default). */
    private boolean documented(Operation operation, int status) {
        JsonNode responses = docs.path("paths").path(operation.path()).path(operation.method().toLowerCase())
                .path("responses");
        return responses.has(String.valueOf(status)) || responses.has("default");
    }

    /** The state once background work (relays, listeners) has stopped changing it; at most ~3 s. */
    private Map<String, ?> settle() {
        AtomicReference<Map<String, ?>> previous = new AtomicReference<>(readState());
        try {
            await().pollDelay(Duration.ofMillis(5)).pollInterval(Duration.ofMillis(30)).atMost(Duration.ofSeconds(3))
                    .until(() -> {
                        Map<String, ?> now = readState();
                        return now.equals(previous.getAndSet(now));
                    });
        } catch (ConditionTimeoutException stillChanging) {
            // background work that never settles (a sweep, a timer) is compared as it is now
        }
        return previous.get();
    }

    private Map<String, ?> readState() {
        long start = System.nanoTime();
        try {
            return state.get();
        } finally {
            stateNanos += System.nanoTime() - start;
        }
    }

    private static String difference(Map<String, ?> before, Map<String, ?> after) {
        List<String> changes = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(union(before.keySet(), after.keySet()))) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                changes.add(key + ": " + before.get(key) + " -> " + after.get(key));
            }
        }
        return String.join(", ", changes);
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    // ---- building variants

    private enum Kind { VALID, FIELD, SHAPE, RAW_BODY, CONTENT_TYPE, PATH, QUERY, AUTH, ACCEPT, METHOD }


    private Request variant(Operation op, Random random, int index, String forcedPath, Object forcedValue) {
        Kind kind = forcedPath == null ? kind(op, random) : Kind.FIELD;
        String validToken = token.apply(op);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json, application/problem+json, */*;q=0.5");
        if (validToken != null) {
            headers.put("Authorization", "Bearer " + validToken);
        }
        Map<String, String> path = new LinkedHashMap<>();
        for (Parameter parameter : op.in("path")) {
            List<String> known = pathValues.getOrDefault(op.path() + " " + parameter.name(),
                    pathValues.get(parameter.name()));
            path.put(parameter.name(), known == null || known.isEmpty() || random.nextInt(10) == 0
                    ? UUID.randomUUID().toString() : known.get(random.nextInt(known.size())));
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter parameter : op.in("query")) {
            if (parameter.required() || random.nextInt(3) == 0) {
                query.put(parameter.name(), validQuery(parameter, random));
            }
        }
        Object body = op.hasBody() && !op.multipart() ? valid(op.bodySchema(), "", random, 0, null) : null;
        byte[] bytes = null;
        String contentType = op.bodyType();
        String method = op.method();
        String detail = kind.name();
        switch (kind) {
            case VALID -> { }
            case FIELD -> {
                if (op.multipart()) {
                    bytes = brokenMultipart(random, headers);
                    contentType = null;
                } else if (forcedPath != null) {
                    detail += " " + setField(op, body, forcedPath, forcedValue);
                } else {
                    detail += " " + mutateField(op, body, random);
                }
            }
            case SHAPE -> detail += " " + reshape(op, body, random);
            case RAW_BODY -> {
                String raw = pick(RAW_BODIES, random);
                bytes = random.nextInt(8) == 0 ? new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}' }
                        : raw.getBytes(StandardCharsets.UTF_8);
                contentType = random.nextBoolean() || op.bodyType() == null ? "application/json" : op.bodyType();
                detail += " " + abbreviate(raw, 40);
            }
            case CONTENT_TYPE -> {
                contentType = pick(CONTENT_TYPES, random);
                if (random.nextBoolean()) {
                    bytes = "<deal><name>x</name></deal>".getBytes(StandardCharsets.UTF_8);
                }
                detail += " " + contentType;
            }
            case PATH -> {
                String name = pick(new ArrayList<>(path.keySet()), random);
                String value = pick(PATH_VALUES, random);
                path.put(name, value);
                detail += " " + name + "=" + abbreviate(value, 40);
            }
            case QUERY -> {
                List<Parameter> parameters = op.in("query");
                if (random.nextInt(4) == 0) {
                    query.put("unknown" + random.nextInt(3), pick(QUERY_VALUES, random));
                } else {
                    Parameter parameter = parameters.get(random.nextInt(parameters.size()));
                    query.put(parameter.name(), pick(QUERY_VALUES, random));
                    if (random.nextInt(5) == 0) {
                        query.put(parameter.name() + "&" + parameter.name(), validQuery(parameter, random));
                    }
                }
                detail += " " + query;
            }
            case AUTH -> {
                int choice = random.nextInt(3);
                if (choice == 0 || validToken == null) {
                    headers.remove("Authorization");
                    if (random.nextBoolean()) {
                        headers.put("Authorization", pick(AUTH_HEADERS, random));
                    }
                } else if (choice == 1 && !otherTokens.isEmpty()) {
                    headers.put("Authorization", "Bearer " + pick(otherTokens, random));
                } else {
                    headers.put("Authorization", pick(List.of("bearer ", "Bearer  ", "BEARER "), random) + validToken
                            + (random.nextBoolean() ? "" : " x"));
                }
                detail += " " + abbreviate(headers.getOrDefault("Authorization", "(none)"), 30);
            }
            case ACCEPT -> {
                headers.put("Accept", pick(ACCEPTS, random));
                detail += " " + headers.get("Accept");
            }
            case METHOD -> {
                method = pick(List.of("PUT", "PATCH", "DELETE", "POST", "GET", "TRACE", "OPTIONS", "FOO"), random);
                detail += " " + method;
            }
        }
        if (bytes == null && body != null) {
            bytes = write(body, random.nextBoolean()).getBytes(StandardCharsets.UTF_8);
        }
        if (bytes == null && op.multipart() && kind != Kind.CONTENT_TYPE) {
            String boundary = "fuzz" + random.nextInt(1_000_000);
            bytes = multipart(boundary, "file", "fuzz-" + index + ".txt", "text/plain",
                    ("fuzz attachment " + index).getBytes(StandardCharsets.UTF_8));
            contentType = "multipart/form-data; boundary=" + boundary;
        }
        if (contentType != null && bytes != null) {
            headers.put("Content-Type", contentType);
        }
        return new Request("seed " + seed + " #" + index + " " + detail, method, target(op.path(), path, query),
                headers, bytes);
    }

    private static Kind kind(Operation op, Random random) {
        List<Kind> kinds = new ArrayList<>();
        add(kinds, Kind.VALID, 2);
        add(kinds, Kind.AUTH, 2);
        add(kinds, Kind.ACCEPT, 1);
        add(kinds, Kind.METHOD, 1);
        add(kinds, Kind.RAW_BODY, op.hasBody() ? 3 : 1);
        if (op.hasBody()) {
            add(kinds, Kind.FIELD, 10);
            add(kinds, Kind.SHAPE, op.multipart() ? 0 : 3);
            add(kinds, Kind.CONTENT_TYPE, 2);
        }
        if (!op.in("path").isEmpty()) {
            add(kinds, Kind.PATH, op.hasBody() ? 3 : 6);
        }
        if (!op.in("query").isEmpty()) {
            add(kinds, Kind.QUERY, 5);
        }
        return kinds.get(random.nextInt(kinds.size()));
    }

    private static void add(List<Kind> kinds, Kind kind, int weight) {
        for (int i = 0; i < weight; i++) {
            kinds.add(kind);
        }
    }

    private String validQuery(Parameter parameter, Random random) {
        Function<Random, String> hint = queryValues.get(parameter.name());
        if (hint != null) {
            return hint.apply(random);
        }
        JsonNode schema = parameter.schema();
        return switch (schema.path("type").asString("string")) {
            case "integer" -> String.valueOf(parameter.name().equals("size") ? 1 + random.nextInt(50)
                    : random.nextInt(3));
            case "boolean" -> String.valueOf(random.nextBoolean());
            default -> schema.has("enum") ? pick(schema.get("enum"), random) : "fuzz";
        };
    }

    /** Replaces one field, at any depth, by a hostile value; returns where and what. */
    private String mutateField(Operation op, Object body, Random random) {
        List<Slot> slots = new ArrayList<>();
        collect(body, op.bodySchema(), "", slots);
        if (slots.isEmpty()) {
            return "(no field)";
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        Object hostile = hostile(slot.schema(), random);
        slot.set(hostile);
        return slot.path() + "=" + abbreviate(hostile instanceof Raw raw ? raw.json() : String.valueOf(hostile), 40);
    }

    /** Sets the field at {@code path}, if this body has it. */
    private String setField(Operation op, Object body, String path, Object value) {
        List<Slot> slots = new ArrayList<>();
        collect(body, op.bodySchema(), "", slots);
        for (Slot slot : slots) {
            if (slot.path().equals(path)) {
                slot.set(value);
                return path + "=" + abbreviate(value instanceof Raw raw ? raw.json() : String.valueOf(value), 40);
            }
        }
        return "(no " + path + ")";
    }

    /** Missing, null or extra fields, or the body replaced by another shape. */
    private String reshape(Operation op, Object body, Random random) {
        if (!(body instanceof Map<?, ?> map)) {
            return "(not an object)";
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        switch (random.nextInt(5)) {
            case 0 -> {
                if (!object.isEmpty()) {
                    String removed = pick(new ArrayList<>(object.keySet()), random);
                    object.remove(removed);
                    return "without " + removed;
                }
                return "(empty)";
            }
            case 1 -> {
                object.replaceAll((k, v) -> null);
                return "all null";
            }
            case 2 -> {
                String name = pick(List.of("_id", "id", "partnerId", "$where", "status", "version", "createdAt",
                        "unknownField", "__proto__", "registeredBy", "sharedDealId"), random);
                Object value = hostile(null, random);
                object.put(name, value);
                return "extra " + name;
            }
            case 3 -> {
                object.clear();
                return "{}";
            }
            default -> {
                object.put("dup", 1);
                return "extra dup";
            }
        }
    }

    private Object hostile(JsonNode schema, Random random) {
        String type = schema == null ? "" : schema.path("type").asString("");
        String format = schema == null ? "" : schema.path("format").asString("");
        if (random.nextInt(50) == 0) {
            return ONE_MB;
        }
        List<Object> pool;
        int r = random.nextInt(10);
        if (r < 6 && format.equals("date")) {
            pool = HOSTILE_DATES;
        } else if (r < 6 && (type.equals("number") || type.equals("integer"))) {
            pool = HOSTILE_NUMBERS;
        } else if (r < 5 && type.equals("string")) {
            pool = HOSTILE_STRINGS;
        } else {
            List<List<Object>> all = List.of(HOSTILE_STRINGS, HOSTILE_NUMBERS, HOSTILE_DATES, HOSTILE_STRUCTURES);
            pool = all.get(random.nextInt(all.size()));
        }
        return pool.get(random.nextInt(pool.size()));
    }

    /** A place in the body that can be replaced. */
    private record Slot(String path, JsonNode schema, Map<String, Object> object, List<Object> list, Object key) {

        @SuppressWarnings("unchecked")
        void set(Object value) {
            if (object != null) {
                object.put((String) key, value);
            } else {
                list.set((Integer) key, value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void collect(Object value, JsonNode schema, String path, List<Slot> slots) {
        JsonNode resolved = resolve(schema);
        if (value instanceof Map<?, ?> map) {
            JsonNode properties = resolved.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.properties().iterator(); it.hasNext();) {
                Map.Entry<String, JsonNode> property = it.next();
                String name = property.getKey();
                String childPath = path.isEmpty() ? name : path + "." + name;
                slots.add(new Slot(childPath, resolve(property.getValue()), (Map<String, Object>) map, null, name));
                collect(map.get(name), property.getValue(), childPath, slots);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode items = resolved.path("items");
                slots.add(new Slot(path + "[" + i + "]", resolve(items), null, (List<Object>) list, i));
                collect(list.get(i), items, path + "[" + i + "]", slots);
            }
        }
    }

    /** A valid value of the schema: the hints for named fields, otherwise one the schema allows. */
    private Object valid(JsonNode schema, String name, Random random, int depth, String owner) {
        Function<Random, Object> hint = hint(owner, name);
        if (hint != null) {
            Object value = hint.apply(random);
            return value instanceof List<?> list ? new ArrayList<>(list) : value;
        }
        String schemaName = schema != null && schema.has("$ref")
                ? schema.get("$ref").asString().substring(schema.get("$ref").asString().lastIndexOf('/') + 1)
                : null;
        JsonNode resolved = resolve(schema);
        String type = resolved.path("type").asString(resolved.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                List<String> required = new ArrayList<>();
                resolved.path("required").forEach(n -> required.add(n.asString()));
                for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("properties").properties().iterator();
                        it.hasNext();) {
                    Map.Entry<String, JsonNode> property = it.next();
                    if (depth < 4 && (required.contains(property.getKey()) || hint(schemaName, property.getKey()) != null
                            || random.nextInt(10) < 6)) {
                        Object value = valid(property.getValue(), property.getKey(), random, depth + 1, schemaName);
                        if (value != OMIT) {
                            object.put(property.getKey(), value);
                        }
                    }
                }
                return object;
            }
            case "array" -> {
                List<Object> list = new ArrayList<>();
                int size = Math.max(resolved.path("minItems").asInt(0), 1 + random.nextInt(2));
                for (int i = 0; i < size && depth < 4; i++) {
                    list.add(valid(resolved.path("items"), name + "[]", random, depth + 1, schemaName));
                }
                return list;
            }
            case "integer" -> {
                int min = resolved.path("minimum").asInt(0);
                return min + random.nextInt(5);
            }
            case "number" -> {
                return new BigDecimal(random.nextInt(1_000_000)).movePointLeft(2);
            }
            case "boolean" -> {
                return random.nextBoolean();
            }
            default -> {
                if (resolved.has("enum")) {
                    return pick(resolved.get("enum"), random);
                }
                String format = resolved.path("format").asString("");
                if (format.equals("date")) {
                    return LocalDate.of(2026 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(28))
                            .toString();
                }
                if (format.equals("email")) {
                    return "fuzz" + random.nextInt(1_000_000) + "@fuzz.example";
                }
                int max = resolved.path("maxLength").asInt(200);
                String text = "Fuzz " + name + " " + random.nextInt(1000);
                return text.length() > max ? text.substring(0, max) : text;
            }
        }
    }

    private Function<Random, Object> hint(String owner, String name) {
        Function<Random, Object> qualified = owner == null ? null : fieldValues.get(owner + "." + name);
        return qualified != null ? qualified : fieldValues.get(name);
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; current != null && current.has("$ref") && i < 10; i++) {
            String ref = current.get("$ref").asString();
            current = docs.at(ref.substring(1));
        }
        return current == null ? tools.jackson.databind.node.MissingNode.getInstance() : current;
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String pick(JsonNode values, Random random) {
        return values.get(random.nextInt(values.size())).asString();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
