package com.dealbridge.shareddeal.store;

import com.dealbridge.shareddeal.domain.ActivityEntry;
import com.dealbridge.shareddeal.domain.SharedTab;
import com.dealbridge.shareddeal.wire.EventCodec;
import com.dealbridge.sync.log.ChangeLog;
import com.dealbridge.sync.log.LogEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a deal's Shared tab: a query over the change log in (hlc, origin) order — the log holds every shared event
 * of the deal, this side's and the other's — plus the lines a snapshot brought for events this side never logged.
 * Texts of deleted notes and comments are left out as the lines are read.
 */
public class SharedTabs {

    /** Events that are not lines of the tab themselves. */
    private static final List<String> NOT_ACTIVITY = List.of("SharedDealSnapshot");

    private final ChangeLog changeLog;
    private final ProjectionStore store;
    private final EventCodec codec;

    public SharedTabs(ChangeLog changeLog, ProjectionStore store, EventCodec codec) {
        this.changeLog = changeLog;
        this.store = store;
        this.codec = codec;
    }

    /** A page of the tab, oldest first. */
    public Page page(String sharedDealId, int offset, int limit) {
        List<ActivityEntry> imported = store.importedActivity(sharedDealId);
        List<ActivityEntry> lines;
        long total;
        if (imported.isEmpty()) {
            lines = decode(changeLog.page(sharedDealId, NOT_ACTIVITY, offset, limit));
            total = changeLog.count(sharedDealId, NOT_ACTIVITY);
        } else {
            // a repaired deal: its lines come from two places, merged in order (rare, so merged in memory)
            List<ActivityEntry> all = merged(sharedDealId, imported);
            total = all.size();
            lines = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        }
        return new Page(shown(lines), total);
    }

    /** Every line of the tab, oldest first (for a snapshot of the deal). */
    public List<ActivityEntry> all(String sharedDealId) {
        return shown(merged(sharedDealId, store.importedActivity(sharedDealId)));
    }

    private List<ActivityEntry> merged(String sharedDealId, List<ActivityEntry> imported) {
        Map<String, ActivityEntry> byEvent = new LinkedHashMap<>();
        decode(changeLog.page(sharedDealId, NOT_ACTIVITY, 0, 0)).forEach(line -> byEvent.put(line.eventId(), line));
        imported.forEach(line -> byEvent.putIfAbsent(line.eventId(), line));
        return byEvent.values().stream().sorted(ActivityEntry.ORDER).toList();
    }

    private List<ActivityEntry> decode(List<LogEntry> entries) {
        List<ActivityEntry> lines = new ArrayList<>(entries.size());
        for (LogEntry entry : entries) {
            SharedTab.entryOf(codec.decode(entry.payload())).ifPresent(lines::add);
        }
        return lines;
    }

    private List<ActivityEntry> shown(List<ActivityEntry> lines) {
        Set<String> noteIds = new HashSet<>();
        Set<String> commentIds = new HashSet<>();
        for (ActivityEntry line : lines) {
            if (line.details().containsKey("body")) {
                noteIds.add(String.valueOf(line.details().get("noteId")));
                if (line.details().get("commentId") != null) {
                    commentIds.add(String.valueOf(line.details().get("commentId")));
                }
            }
        }
        Set<String> liveNotes = store.liveNotes(noteIds);
        Set<String> liveComments = store.liveComments(commentIds);
        return lines.stream().map(line -> SharedTab.shown(line, liveNotes::contains, liveComments::contains))
                .toList();
    }

    /** Lines of one page and how many the tab has. */
    public record Page(List<ActivityEntry> items, long total) {
    }
}
