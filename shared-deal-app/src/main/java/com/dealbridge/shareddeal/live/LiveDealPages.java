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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 */
public final class LiveDealPages implements AppliedEventListener, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveDealPages.class);
    /** The browser reconnects after this by itself; a bound keeps dead connections from piling up. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

    private final Map<String, Set<SseEmitter>> pages = new ConcurrentHashMap<>();
    private volatile boolean running;
    /** Sending happens here, not on the deal's lane: a slow browser must not hold up sync. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-deal-pages");
        thread.setDaemon(true);
        return thread;
    });

    /** A stream for a page showing the shared deal; the caller has checked that the user may see it. */
    public SseEmitter open(String sharedDealId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Set<SseEmitter> watchers = pages.computeIfAbsent(sharedDealId, id -> new CopyOnWriteArraySet<>());
        watchers.add(emitter);
        Runnable forget = () -> watchers.remove(emitter);
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
                try {
                    emitter.send(SseEmitter.event().name("deal-changed").data(String.valueOf(document.version())));
                } catch (IOException | IllegalStateException e) {
                    log.debug("a deal page of {} went away", document.id(), e);
                    watchers.remove(emitter);
                }
            }
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
