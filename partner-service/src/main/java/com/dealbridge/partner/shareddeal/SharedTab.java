package com.dealbridge.partner.shareddeal;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.shareddeal.api.ActivityItem;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.notes.AttachmentProperties;
import com.dealbridge.shareddeal.notes.NoteView;
import com.dealbridge.shareddeal.notes.SharedNotes;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the Shared tab shows, for the pages that render it (the tab itself, and every form on it that answers with
 * the tab and its refusals): the deal, the live notes and the shared activity, and the attachment limits the note
 * editor tells the browser so it can refuse a file before sending it.
 */
@Component
class SharedTab {

    /** The Shared tab shows this many notes and activity lines; the API pages further. */
    static final int TIMELINE_SIZE = 200;
    /** Notes this side wrote may be edited and deleted on the page; the other side's are read-only here. */
    static final String OWN_SIDE = "PARTNER";

    private final SharedDealQueries queries;
    private final SharedNotes notes;
    private final AttachmentProperties attachments;

    SharedTab(SharedDealQueries queries, SharedNotes notes, AttachmentProperties attachments) {
        this.queries = queries;
        this.notes = notes;
        this.attachments = attachments;
    }

    /** The whole page with the Shared tab open; refusals the caller put in the model are shown next to fields. */
    String page(Caller caller, String id, Model model) {
        model.addAttribute("deal", queries.view(caller, id));
        model.addAttribute("tab", "shared");
        timeline(caller, id, model);
        return "partner/shared-deal";
    }

    /** The timeline fragment's model: notes, activity, and the limits of the notes' file fields. */
    void timeline(Caller caller, String id, Model model) {
        List<NoteView> shared = notes.list(caller, id, Paging.of(0, TIMELINE_SIZE)).items();
        List<ActivityItem> activity = queries.sharedTab(caller, id, Paging.of(0, TIMELINE_SIZE)).items().stream()
                .map(ActivityItem::of).filter(item -> !item.type().startsWith("NOTE")
                        && !item.type().startsWith("COMMENT") && !item.type().startsWith("ATTACHMENT")).toList();
        model.addAttribute("notes", shared);
        model.addAttribute("activity", activity);
        model.addAttribute("ownSide", OWN_SIDE);
        model.addAttribute("maxFileBytes", attachments.maxSize().toBytes());
        model.addAttribute("maxFileMegabytes", attachments.maxSize().toMegabytes());
        model.addAttribute("acceptedTypes", String.join(",", attachments.allowedTypes()));
    }
}
