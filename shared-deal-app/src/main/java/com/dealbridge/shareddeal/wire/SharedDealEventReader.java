package com.dealbridge.shareddeal.wire;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.shareddeal.domain.AttachmentChunk;
import com.dealbridge.shareddeal.domain.EventHeader;
import com.dealbridge.shareddeal.domain.Limits;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealSnapshot;
import com.dealbridge.sync.clock.Hlc;
import com.dealbridge.sync.inbox.EventReader;
import com.dealbridge.sync.inbox.InvalidEventException;
import com.dealbridge.sync.inbox.Received;
import com.dealbridge.sync.log.LogEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads a record of the other side's topic: decodes it (any released schema version; lengths and counts its body
 * cannot hold are refused before anything is allocated), and refuses what can never be applied before anything is
 * stored — a key that is not the event's deal, an event of this side, a clock too far ahead (it would win every
 * later write of the fields it stamps; for a snapshot, the clock of each of its facts too), values beyond the API's
 * limits.
 */
public class SharedDealEventReader implements EventReader {

    /**
     * The largest HLC counter accepted: half the counter's range. A clock's counter grows by one per event within
     * one millisecond of its reading, so no real clock comes near it, and what is left guards this side's own.
     */
    static final int MAX_HLC_COUNTER = Integer.MAX_VALUE / 2;

    private final EventCodec codec;
    private final Origin side;
    private final Clock wallClock;
    private final Duration maxClockSkew;

    public SharedDealEventReader(EventCodec codec, Origin side, Clock wallClock, Duration maxClockSkew) {
        this.codec = codec;
        this.side = side;
        this.wallClock = wallClock;
        this.maxClockSkew = maxClockSkew;
    }

    @Override
    public Received read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new InvalidEventException("empty event at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset());
        }
        SharedDealEvent event = decode(record.value());
        EventHeader header = event.header();
        if (!header.sharedDealId().equals(record.key())) {
            throw new InvalidEventException("record key " + record.key() + " is not the event's shared deal "
                    + header.sharedDealId());
        }
        if (header.origin() == side) {
            throw new InvalidEventException(event.type() + " " + header.eventId() + " comes from this side (" + side
                    + ") and must not be applied here");
        }
        long now = wallClock.millis();
        checkClock(event.type() + " " + header.eventId(), header.hlc(), now);
        if (event instanceof SharedDealSnapshot snapshot) {
            // each fact stamps the value it carries, and the receiver's clock observes it as it merges
            for (SharedDealEvent fact : snapshot.facts()) {
                checkClock("the " + fact.type() + " fact of " + event.type() + " " + header.eventId(),
                        fact.header().hlc(), now);
            }
        }
        Optional<String> violation = Limits.violation(event);
        if (violation.isPresent()) {
            throw new InvalidEventException(event.type() + " " + header.eventId() + " refused: " + violation.get());
        }
        if (event instanceof AttachmentChunk chunk) {
            return new Received.Unsequenced(header.sharedDealId(), chunk);
        }
        LogEntry entry = new LogEntry(header.sharedDealId(), header.origin().name(), header.sequence(),
                header.eventId(), event.type(), header.hlc().wallMillis(), header.hlc().counter(),
                header.occurredAt(), record.value());
        return new Received.Sequenced(entry, event, event instanceof SharedDealSnapshot);
    }

    /**
     * A clock reading further ahead than the allowed skew would win every later write of the fields it stamps and
     * drag this side's clock along; a counter near its end would overflow this side's clock once observed.
     */
    private void checkClock(String what, Hlc hlc, long now) {
        if (hlc.wallMillis() > now + maxClockSkew.toMillis()) {
            throw new InvalidEventException("clock of " + what + " is " + Duration.ofMillis(hlc.wallMillis() - now)
                    + " ahead of this side's, more than the " + maxClockSkew + " allowed");
        }
        if (hlc.counter() > MAX_HLC_COUNTER) {
            throw new InvalidEventException("clock of " + what + " has the counter " + hlc.counter() + ", more than"
                    + " the " + MAX_HLC_COUNTER + " a clock reaches: observing it would overflow this side's clock");
        }
    }

    private SharedDealEvent decode(byte[] bytes) {
        AvroBounds.check(bytes);
        SpecificRecord avro;
        try {
            avro = AvroCodec.decode(bytes);
        } catch (SerializationException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
        return codec.toDomain(avro);
    }
}
