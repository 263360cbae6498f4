package com.dealbridge.shareddeal.wire;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.shareddeal.domain.AttachmentChunk;
import com.dealbridge.shareddeal.domain.EventHeader;
import com.dealbridge.shareddeal.domain.Limits;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealSnapshot;
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
 * Reads a record of the other side's topic: decodes it (any released schema version), and refuses what can never
 * be applied before anything is stored — a key that is not the event's deal, an event of this side, a clock too far
 * ahead (it would win every later write of the fields it stamps), values beyond the API's limits.
 */
public class SharedDealEventReader implements EventReader {

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
        long limit = wallClock.millis() + maxClockSkew.toMillis();
        if (header.hlc().wallMillis() > limit) {
            throw new InvalidEventException("clock of " + event.type() + " " + header.eventId() + " is "
                    + Duration.ofMillis(header.hlc().wallMillis() - wallClock.millis()) + " ahead of this side's, more"
                    + " than the " + maxClockSkew + " allowed");
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

    private SharedDealEvent decode(byte[] bytes) {
        SpecificRecord avro;
        try {
            avro = AvroCodec.decode(bytes);
        } catch (SerializationException e) {
            throw new InvalidEventException(e.getMessage(), e);
        }
        return codec.toDomain(avro);
    }
}
