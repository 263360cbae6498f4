package com.dealbridge.crm.shareddeal;

import com.dealbridge.crm.deal.CrmDealPage;
import com.dealbridge.crm.workspace.WorkspacePage;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.live.LiveDealPages;
import com.dealbridge.shareddeal.notes.NoteFiles;
import com.dealbridge.shareddeal.notes.NoteFiles.FileRefusal;
import com.dealbridge.shareddeal.notes.NoteView;
import com.dealbridge.shareddeal.notes.SharedNotes;
import com.dealbridge.shareddeal.notes.SharedTabModel;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Shared tab of a shared CRM deal ({@code /deals/{id}/shared}): the shared timeline oldest first (the
 * {@code shared/timeline} fragments the portal uses too), Add shared message with files and comments through
 * {@link SharedNotes} and {@link NoteFiles}, the services of the API's {@code shared-notes}; live through
 * {@link LiveDealPages}, as on the portal. {@link SharedNotePages} has the notes' own actions. A deal that is not
 * shared has no Shared tab (404).
 */
@Controller
@Hidden // a page, not part of the API document
@WorkspacePage
class SharedTabPages {

    private final CrmSharedTab tab;
    private final CrmDealPage page;
    private final SharedDealQueries queries;
    private final SharedNotes notes;
    private final NoteFiles files;
    private final LiveDealPages live;

    SharedTabPages(CrmSharedTab tab, CrmDealPage page, SharedDealQueries queries, SharedNotes notes, NoteFiles files,
                   LiveDealPages live) {
        this.tab = tab;
        this.page = page;
        this.queries = queries;
        this.notes = notes;
        this.files = files;
        this.live = live;
    }

    @GetMapping("/deals/{id}/shared")
    String sharedTab(Caller caller, @PathVariable String id, Model model) {
        return tab.page(caller, id, model);
    }

    /** The timeline alone, for the page to refresh itself. */
    @GetMapping("/deals/{id}/timeline")
    String timeline(Caller caller, @PathVariable String id, Model model) {
        tab.timeline(caller, id, model);
        return "crm/shared-tab :: timeline";
    }

    @GetMapping(path = "/deals/{id}/events", produces = "text/event-stream")
    SseEmitter events(Caller caller, @PathVariable String id) {
        String sharedDealId = page.sharedDealId(id);
        queries.visible(caller, sharedDealId);
        return live.open(sharedDealId);
    }

    /**
     * Add shared message, with the files chosen in the editor (multipart when it has files). A file refused before
     * the note exists keeps the draft and saves nothing; one refused by its content is shown on the saved note.
     */
    @PostMapping("/deals/{id}/shared-notes")
    String addNote(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String body,
                   @RequestParam(name = "file", required = false) List<MultipartFile> parts, Model model,
                   HttpServletResponse response) {
        String sharedDealId = page.sharedDealId(id);
        List<MultipartFile> chosen = NoteFiles.chosen(parts);
        Optional<FileRefusal> early = files.precheck(chosen);
        if (early.isPresent()) {
            return refusedFile(caller, id, early.get(), body, model, response);
        }
        NoteView note;
        try {
            note = notes.add(caller, sharedDealId, body);
        } catch (UnprocessableException refused) {
            response.setStatus(refused.status());
            model.addAttribute("bodyError", refused.errors().isEmpty() ? refused.detail()
                    : refused.errors().get(0).message());
            model.addAttribute("draft", body);
            return tab.page(caller, id, model);
        }
        Optional<FileRefusal> late = files.attach(caller, sharedDealId, note.id(), chosen);
        if (late.isPresent()) {
            return refusedFile(caller, id, late.get(), null, model, response);
        }
        return CrmSharedTab.backTo(id);
    }

    @PostMapping("/deals/{id}/shared-notes/{noteId}/comments")
    String comment(Caller caller, @PathVariable String id, @PathVariable String noteId,
                   @RequestParam(defaultValue = "") String body) {
        notes.comment(caller, page.sharedDealId(id), noteId, body);
        return CrmSharedTab.backTo(id);
    }

    private String refusedFile(Caller caller, String id, FileRefusal refusal, String draft, Model model,
                               HttpServletResponse response) {
        SharedTabModel.fileRefused(model, response, refusal, draft);
        return tab.page(caller, id, model);
    }
}
