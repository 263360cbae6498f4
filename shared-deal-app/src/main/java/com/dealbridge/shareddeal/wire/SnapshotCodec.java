package com.dealbridge.shareddeal.wire;

import static com.dealbridge.shareddeal.wire.EventCodec.header;
import static com.dealbridge.shareddeal.wire.EventCodec.metadata;
import static com.dealbridge.shareddeal.wire.EventCodec.required;

import com.dealbridge.shareddeal.domain.ActivityEntry;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealSnapshot;
import com.dealbridge.sync.clock.Hlc;
import com.dealbridge.sync.inbox.InvalidEventException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/** The wire mapping of {@link SharedDealSnapshot}: its facts are the other events' own mappings. */
final class SnapshotCodec {

    private SnapshotCodec() {
    }

    static SpecificRecord toAvro(SharedDealSnapshot snapshot, EventCodec codec) {
        List<Object> facts = new ArrayList<>();
        for (SharedDealEvent fact : snapshot.facts()) {
            facts.add(codec.toAvro(fact));
        }
        return com.dealbridge.contracts.avro.SharedDealSnapshot.newBuilder()
                .setMetadata(metadata(snapshot.header()))
                .setPart(snapshot.part())
                .setParts(snapshot.parts())
                .setFacts(facts)
                .setActivity(snapshot.activity().stream().map(SnapshotCodec::activity).toList())
                .setReceivedUpTo(snapshot.receivedUpTo())
                .build();
    }

    static SharedDealSnapshot toDomain(com.dealbridge.contracts.avro.SharedDealSnapshot snapshot, EventCodec codec) {
        List<SharedDealEvent> facts = new ArrayList<>();
        for (Object fact : snapshot.getFacts()) {
            SharedDealEvent event = codec.toDomain((SpecificRecord) fact);
            if (event instanceof SharedDealSnapshot || event instanceof com.dealbridge.shareddeal.domain.AttachmentChunk) {
                throw new InvalidEventException("a snapshot cannot hold a " + event.type());
            }
            facts.add(event);
        }
        if (snapshot.getPart() < 1 || snapshot.getPart() > snapshot.getParts()) {
            throw new InvalidEventException("snapshot part " + snapshot.getPart() + " of " + snapshot.getParts());
        }
        if (snapshot.getReceivedUpTo() < 0) {
            throw new InvalidEventException("snapshot receivedUpTo " + snapshot.getReceivedUpTo() + " is negative");
        }
        return new SharedDealSnapshot(header(snapshot.getMetadata()), snapshot.getPart(), snapshot.getParts(), facts,
                snapshot.getActivity().stream().map(SnapshotCodec::activity).toList(), snapshot.getReceivedUpTo());
    }

    private static com.dealbridge.contracts.avro.ActivityRecord activity(ActivityEntry entry) {
        // sorted: the domain's map has no stable order, and the same entry must always give the same bytes
        Map<String, Object> details = new TreeMap<>();
        entry.details().forEach((key, value) -> details.put(key, wireValue(key, value)));
        return com.dealbridge.contracts.avro.ActivityRecord.newBuilder()
                .setType(entry.type())
                .setAt(entry.at())
                .setActor(com.dealbridge.contracts.avro.Actor.newBuilder()
                        .setType(com.dealbridge.contracts.avro.ActorType.valueOf(entry.actor().type().name()))
                        .setId(entry.actor().id())
                        .setDisplayName(entry.actor().displayName())
                        .build())
                .setOrigin(com.dealbridge.contracts.avro.Origin.valueOf(entry.origin().name()))
                .setEventId(entry.eventId())
                .setHlc(entry.hlc() == null ? null : com.dealbridge.contracts.avro.Hlc.newBuilder()
                        .setWallMillis(entry.hlc().wallMillis()).setCounter(entry.hlc().counter()).build())
                .setDetails(details)
                .build();
    }

    private static ActivityEntry activity(com.dealbridge.contracts.avro.ActivityRecord record) {
        com.dealbridge.contracts.avro.Actor actor = required(record.getActor(), "activity.actor");
        Map<String, Object> details = new LinkedHashMap<>();
        record.getDetails().forEach((key, value) -> details.put(key.toString(), domainValue(value)));
        return new ActivityEntry(required(record.getType(), "activity.type"), required(record.getAt(), "activity.at"),
                new Actor(ActorType.valueOf(actor.getType().name()), actor.getId(), actor.getDisplayName()),
                Origin.valueOf(required(record.getOrigin(), "activity.origin").name()),
                required(record.getEventId(), "activity.eventId"), details,
                record.getHlc() == null ? null : new Hlc(record.getHlc().getWallMillis(), record.getHlc().getCounter()));
    }

    /** Details hold strings, whole numbers, booleans and lists of strings (see ActivityRecord.details). */
    private static Object wireValue(String key, Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        throw new IllegalArgumentException("activity detail " + key + " has no wire form: " + value);
    }

    private static Object domainValue(Object value) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value;
    }
}
