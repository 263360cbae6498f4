package com.dealbridge.sync.relay;

import com.dealbridge.sync.log.LogEntry;
import java.io.IOException;

/**
 * Records that must follow an event on the wire without being sequenced themselves, e.g. the chunks of a file the
 * event announces: streamed by the relay right after the event, in the same partition.
 */
@FunctionalInterface
public interface Followers {

    /** A follower record: its own event id and type, and its bytes. */
    @FunctionalInterface
    interface Sink {
        void accept(String eventId, String type, byte[] payload);
    }

    /** Hands every follower of {@code entry} to {@code sink}, one at a time (bounded memory). */
    void forEach(LogEntry entry, Sink sink) throws IOException;

    Followers NONE = (entry, sink) -> { };
}
