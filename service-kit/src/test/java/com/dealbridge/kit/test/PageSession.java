package com.dealbridge.kit.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like client of a service's pages (portal or CRM workspace) for HTTP-level tests: keeps cookies, does not follow redirects. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public PageSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * A session of someone who followed their invitation link, set {@code password} and signed in with it; fails
     * unless both forms answered with the redirects a browser would follow (to the landing page last).
     */
    public static PageSession signedInByInvitation(String base, String invitationUrl, String email, String password) {
        PageSession session = new PageSession(base);
        String invitation = URI.create(invitationUrl).getPath();
        expectRedirect(session.submit(invitation, invitation, Map.of("password", password)), "");
        expectRedirect(session.submit("/sign-in", "/sign-in", Map.of("email", email, "password", password)), "/");
        return session;
    }

    private static void expectRedirect(HttpResponse<String> response, String locationEnd) {
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || !location.endsWith(locationEnd)) {
            throw new AssertionError("expected a redirect to …" + locationEnd + ", got " + response.statusCode() + " "
                    + location);
        }
    }

    /** What a browser asks for when it opens a page (error pages are HTML only for such requests). */
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", BROWSER_ACCEPT).GET().build());
    }

    /** Posts a form with the CSRF token of the page at {@code formPage}, as a browser would. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfOf(get(formPage).body()));
        return post(action, withToken);
    }

    /** A file of a multipart form: the part's field name, the file's name and type, its bytes. */
    public record FormFile(String field, String fileName, String contentType, byte[] content) {
    }

    /** Posts a multipart form (with files) and the CSRF token of the page at {@code formPage}, as a browser would. */
    public HttpResponse<String> submitMultipart(String formPage, String action, Map<String, String> fields,
                                                FormFile... files) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfOf(get(formPage).body()));
        MultipartBody body = new MultipartBody();
        withToken.forEach(body::field);
        for (FormFile file : files) {
            body.file(file.field(), file.fileName(), file.contentType(), file.content());
        }
        return send(HttpRequest.newBuilder(uri(action)).header("Content-Type", body.contentType()).header("Accept", BROWSER_ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build());
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return postRaw(path, form);
    }

    /** Posts an already encoded form body, e.g. one field given several times (ticked checkboxes). */
    public HttpResponse<String> postRaw(String path, String encodedForm) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", BROWSER_ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(encodedForm)).build());
    }

    public static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no _csrf input in the page: " + html);
        }
        return matcher.group(1);
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    /**
     * Opens a page's server-sent event stream ({@code text/event-stream}) in this session: every line the server
     * sends goes to {@code lines} as it arrives (on a daemon thread), until the stream ends or the returned handle is
     * closed. @return the response's status, once the headers arrived, and a handle that closes the stream
     */
    public EventStream events(String path, java.util.function.Consumer<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<java.util.stream.Stream<String>> response = http.send(request,
                    HttpResponse.BodyHandlers.ofLines());
            java.util.stream.Stream<String> body = response.body();
            Thread reader = new Thread(() -> {
                try {
                    body.forEach(lines);
                } catch (RuntimeException closed) {
                    // the stream was closed by the test or the server: nothing more arrives
                }
            }, "page-session-events");
            reader.setDaemon(true);
            reader.start();
            return new EventStream(response.statusCode(), body::close);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An open event stream: its status, and {@link #close()} to stop listening. */
    public record EventStream(int status, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
