package com.dealbridge.shareddeal.notes;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.shareddeal.api.ActivityItem;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import java.util.List;

/**
 * What a Shared tab page shows, the same on both services (template {@code shared/timeline}): the shared notes
 * oldest first with their comments and attachments, and the other shared activity (registration, assignment,
 * stage, quotes...), whose note, comment and attachment lines the notes already show.
 */
public record SharedTimeline(List<NoteView> notes, List<ActivityItem> activity) {

    /** The tab shows this many notes and activity lines; the API pages further. */
    public static final int SIZE = 200;

    /** Read through the services of the API's {@code shared-notes} and {@code shared-activity}. */
    public static SharedTimeline read(SharedNotes notes, SharedDealQueries queries, Caller caller,
                                      String sharedDealId) {
        List<NoteView> shared = notes.list(caller, sharedDealId, Paging.of(0, SIZE)).items();
        List<ActivityItem> activity = queries.sharedTab(caller, sharedDealId, Paging.of(0, SIZE)).items().stream()
                .map(ActivityItem::of).filter(item -> !item.type().startsWith("NOTE")
                        && !item.type().startsWith("COMMENT") && !item.type().startsWith("ATTACHMENT")).toList();
        return new SharedTimeline(shared, activity);
    }
}
