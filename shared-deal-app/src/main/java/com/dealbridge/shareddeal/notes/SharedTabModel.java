package com.dealbridge.shareddeal.notes;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.domain.Origin;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/**
 * The model of the {@code shared/timeline} fragments, the same on both services' Shared tabs: the timeline, the side
 * whose notes the page offers to edit and delete (the other side's are read-only there, as the API refuses them),
 * and the limits the note editors' file fields tell the browser so it can refuse a file before sending it.
 */
public class SharedTabModel {

    private final SharedNotes notes;
    private final SharedDealQueries queries;
    private final AttachmentProperties attachments;

    public SharedTabModel(SharedNotes notes, SharedDealQueries queries, AttachmentProperties attachments) {
        this.notes = notes;
        this.queries = queries;
        this.attachments = attachments;
    }

    /** Adds the timeline of the shared deal and the editors' limits to the model; refusals are the caller's. */
    public SharedTimeline addTo(Model model, Caller caller, String sharedDealId, Origin ownSide) {
        SharedTimeline timeline = SharedTimeline.read(notes, queries, caller, sharedDealId);
        model.addAttribute("timeline", timeline);
        model.addAttribute("ownSide", ownSide.name());
        model.addAttribute("maxFileBytes", attachments.maxSize().toBytes());
        model.addAttribute("maxFileMegabytes", attachments.maxSize().toMegabytes());
        model.addAttribute("acceptedTypes", String.join(",", attachments.allowedTypes()));
        return timeline;
    }

    /** A refused file, shown next to its field with the note's draft kept, under the API's status (413, 415, 422). */
    public static void fileRefused(Model model, HttpServletResponse response, NoteFiles.FileRefusal refusal,
                                   String draft) {
        response.setStatus(refusal.status());
        model.addAttribute("fileRefusal", refusal);
        model.addAttribute("draft", draft);
    }

    /** A refused edit of a note, shown on that note's editor (kept open) with what was typed. */
    public static void editRefused(Model model, HttpServletResponse response, int status, String noteId,
                                   String draft) {
        response.setStatus(status);
        model.addAttribute("editNoteId", noteId);
        model.addAttribute("editDraft", draft);
    }
}
