package com.dealbridge.kit.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A stream of server-sent events a test listens to ({@link ApiClient#events}): the events as they arrive, read on
 * a thread of its own until {@link #close()}. A refused request (no stream) has its status and no events.
 */
public final class EventStream implements AutoCloseable {

    /** One event: its {@code event:} name and {@code data:} lines. */
    public record Event(String name, String data) {
    }

    private final int status;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Stream<String> lines;
    private final Thread reader;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.lines = response.body();
        this.reader = new Thread(this::read, "event-stream " + response.uri().getPath());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static EventStream open(HttpClient http, URI uri, String token, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "text/event-stream, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return new EventStream(http.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return status;
    }

    /** The events received so far, in order. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The events received so far of that name. */
    public List<Event> events(String name) {
        return events.stream().filter(event -> event.name().equals(name)).toList();
    }

    private void read() {
        String[] name = {"message"};
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (!data.isEmpty() || !name[0].equals("message")) {
                        events.add(new Event(name[0], data.toString()));
                    }
                    name[0] = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name[0] = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring("data:".length()).strip());
                }
            });
        } catch (UncheckedIOException closed) {
            // the stream was closed (by the test or the service)
        }
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }
}
