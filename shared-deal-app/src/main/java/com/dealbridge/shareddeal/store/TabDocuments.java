package com.dealbridge.shareddeal.store;

import com.dealbridge.shareddeal.domain.ActivityEntry;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.sync.clock.Hlc;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/** Shared tab lines received in snapshots ({@code shared_tab_imports}), one document each, by event id. */
final class TabDocuments {

    private TabDocuments() {
    }

    static Document document(String sharedDealId, ActivityEntry entry) {
        return new Document("_id", sharedDealId + ":" + entry.eventId()).append("sharedDealId", sharedDealId)
                .append("type", entry.type()).append("at", Bson.time(entry.at()))
                .append("actor", new Document("type", entry.actor().type().name()).append("id", entry.actor().id())
                        .append("displayName", entry.actor().displayName()))
                .append("origin", entry.origin().name()).append("eventId", entry.eventId())
                .append("details", new Document(entry.details()))
                .append("hlc", entry.hlc() == null ? null : new Document("w", entry.hlc().wallMillis())
                        .append("c", entry.hlc().counter()));
    }

    static ActivityEntry entry(Document d) {
        Document actor = d.get("actor", Document.class);
        Document hlc = d.get("hlc", Document.class);
        Map<String, Object> details = new LinkedHashMap<>(d.get("details", Document.class));
        return new ActivityEntry(d.getString("type"), Bson.time(d.getDate("at")),
                new Actor(ActorType.valueOf(actor.getString("type")), actor.getString("id"),
                        actor.getString("displayName")),
                Origin.valueOf(d.getString("origin")), d.getString("eventId"), details,
                hlc == null ? null : new Hlc(Bson.number(hlc, "w"), (int) Bson.number(hlc, "c")));
    }
}
