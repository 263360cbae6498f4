package com.dealbridge.shareddeal.live;

import com.dealbridge.shareddeal.store.AppliedEventListener;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for open deal pages and API clients ({@code GET /api/shared-deals/{id}/events}): every save of a
 * shared deal on this instance (a change made here, or an event from the other side applied here) tells the streams
 * of that deal, whose pages (or clients) then fetch what they show again. The
 * event carries no data, so nothing the page may not see travels on it; the page's own requests are checked as
 * usual. With several instances, a page hears about the saves of the instance it is connected to; the inbox applies
 * a deal's events from the other side on one instance, so run the pages with sticky sessions or on one instance
 * (ADR 0008). One implementation for both services' deal pages (the portal's and the CRM workspace's).
 * <p>
 * A server cannot tell that a client went away until a write to it fails (the Servlet API has no notice of it), and
 * a stream that is never written to held its connection and the container's request processor (about 70 KiB of
 * buffers) until its timeout: 200 streams opened and closed one after the other, as the benchmark's low-rate
 * scenario does, kept 18 MiB alive in the CRM. So every open stream gets a comment line each heartbeat
 * ({@code dealbridge.live.heartbeat}); browsers ignore it, and the write after the client went away fails, which
 * ends the stream. It also keeps proxies from closing a quiet stream.
 */
public final class LiveDealPages implements AppliedEventListener, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveDealPages.class);
    /** The browser reconnects after this by itself; a bound keeps dead connections from piling up. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

    private final Map<String, Set<SseEmitter>> pages = new ConcurrentHashMap<>();
    private volatile boolean running;
    /** Sending happens here, not on the deal's lane: a slow browser must not hold up sync. */
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-deal-pages");
        thread.setDaemon(true);
        return thread;
    });

    /** @param heartbeat how often each open stream gets a comment line, so a client that went away is noticed */
    public LiveDealPages(Duration heartbeat) {
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("the heartbeat must be positive, was " + heartbeat);
        }
        long millis = heartbeat.toMillis();
        // from the start, once: it only writes to open streams, and a stop completes those
        sender.scheduleAtFixedRate(this::heartbeat, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** The streams open on this instance, for all deals. */
    public int openStreams() {
        return pages.values().stream().mapToInt(Set::size).sum();
    }

    /** The streams open on this instance for one shared deal. */
    public int openStreams(String sharedDealId) {
        Set<SseEmitter> watchers = pages.get(sharedDealId);
        return watchers == null ? 0 : watchers.size();
    }

    /** A stream for a page showing the shared deal; the caller has checked that the user may see it. */
    public SseEmitter open(String sharedDealId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        // added and removed inside the map's compute, so a stream opening as the deal's last one closes is not lost
        pages.compute(sharedDealId, (id, watchers) -> {
            Set<SseEmitter> set = watchers == null ? new CopyOnWriteArraySet<>() : watchers;
            set.add(emitter);
            return set;
        });
        Runnable forget = () -> forget(sharedDealId, emitter);
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(error -> forget.run());
        try {
            // a first event, so the page knows it is connected (and proxies flush the headers)
            emitter.send(SseEmitter.event().name("connected").data(""));
        } catch (IOException e) {
            forget.run();
        }
        return emitter;
    }

    @Override
    public void applied(SharedDealDocument document, com.dealbridge.shareddeal.domain.SharedDealEvent event) {
        // saved() follows for every save, applied events included
    }

    @Override
    public void saved(SharedDealDocument document) {
        Set<SseEmitter> watchers = pages.get(document.id());
        if (watchers == null || watchers.isEmpty()) {
            return;
        }
        List<SseEmitter> targets = List.copyOf(watchers);
        sender.execute(() -> {
            for (SseEmitter emitter : targets) {
                send(document.id(), emitter,
                        SseEmitter.event().name("deal-changed").data(String.valueOf(document.version())));
            }
        });
    }

    private void heartbeat() {
        try {
            pages.forEach((sharedDealId, watchers) -> {
                for (SseEmitter emitter : List.copyOf(watchers)) {
                    send(sharedDealId, emitter, SseEmitter.event().comment(""));
                }
            });
        } catch (RuntimeException e) {
            // an exception would cancel the schedule: no stream would be checked again
            log.warn("the heartbeat of the live deal pages failed", e);
        }
    }

    private void send(String sharedDealId, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            log.debug("a deal page of {} went away", sharedDealId, e);
            forget(sharedDealId, emitter);
            try {
                // ends the request, so the container closes the connection and takes its processor back
                emitter.completeWithError(e);
            } catch (RuntimeException alreadyDone) {
                log.debug("the stream of {} was already closed", sharedDealId, alreadyDone);
            }
        }
    }

    private void forget(String sharedDealId, SseEmitter emitter) {
        // a deal nobody watches any more leaves no empty set behind (the heartbeat walks them all)
        pages.computeIfPresent(sharedDealId, (id, watchers) -> {
            watchers.remove(emitter);
            return watchers.isEmpty() ? null : watchers;
        });
    }

    /**
     * Ends every open stream before the web server's graceful shutdown (which stops in a later phase): an open
     * stream is an active request, and the server would wait its whole grace period for it. Browsers and clients
     * reconnect to an instance that is up.
     */
    @Override
    public void stop() {
        running = false;
        completeAll();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
        completeAll();
    }

    private void completeAll() {
        for (Set<SseEmitter> watchers : pages.values()) {
            for (SseEmitter emitter : watchers) {
                try {
                    emitter.complete();
                } catch (RuntimeException e) {
                    // the container may already have recycled the response of a stream it closed
                    log.debug("a deal page's stream was already closed", e);
                }
            }
        }
    }
}
