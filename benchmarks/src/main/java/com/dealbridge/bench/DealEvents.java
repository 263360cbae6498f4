package com.dealbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A shared deal's server-sent events on one service ({@code GET /api/shared-deals/{id}/events}): the benchmark
 * waits on it for the deal's next change instead of polling, so the service serves no requests while it works.
 */
final class DealEvents implements AutoCloseable {

    /** An event's name and when it arrived (nanoTime). */
    private record Heard(String name, long at) {
    }

    private final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();
    private final Stream<String> lines;

    private DealEvents(Stream<String> lines) {
        this.lines = lines;
        Thread reader = new Thread(() -> {
            try {
                lines.filter(line -> line.startsWith("event:"))
                        .forEach(line -> heard.add(new Heard(line.substring("event:".length()).strip(),
                                System.nanoTime())));
            } catch (UncheckedIOException closed) {
                // closed by close()
            }
        }, "bench-deal-events");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream and waits until the service says it is connected. */
    static DealEvents open(HttpClient client, URI uri, String token) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IllegalStateException("GET " + uri + ": HTTP " + response.statusCode());
            }
            DealEvents events = new DealEvents(response.body());
            Heard first = events.heard.poll(30, TimeUnit.SECONDS);
            if (first == null || !first.name().equals("connected")) {
                events.close();
                throw new IllegalStateException("GET " + uri + ": no connected event");
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for the deal's next change.
     *
     * @return when it was heard (nanoTime), or -1 if none came within the timeout
     */
    long awaitChange(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Heard event; (event = heard.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
            if (event.name().equals("deal-changed")) {
                return event.at();
            }
        }
        return -1;
    }

    @Override
    public void close() {
        lines.close();
    }
}
