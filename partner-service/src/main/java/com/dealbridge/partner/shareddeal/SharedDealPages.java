package com.dealbridge.partner.shareddeal;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.partner.pages.PortalPage;
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
 * A shared deal's page ({@code /shared-deals/{id}}: details, the assigned rep, the closed won / lost banner,
 * Withdraw registration) and its Shared tab ({@code .../shared}: the shared timeline oldest first, Add shared message
 * with files, comments). Fragments of both are fetched again when the deal's event stream says it changed. Every
 * action goes through the application services the API uses; {@link SharedNotePages} has the notes' own actions.
 */
@Controller
@Hidden // a page, not part of the API document
@PortalPage
class SharedDealPages {

    private final SharedDealQueries queries;
    private final SharedNotes notes;
    private final SharedDealRegistrations registrations;
    private final LiveDealPages live;
    private final SharedTab tab;
    private final NoteFiles files;

    SharedDealPages(SharedDealQueries queries, SharedNotes notes, SharedDealRegistrations registrations,
                    LiveDealPages live, SharedTab tab, NoteFiles files) {
        this.queries = queries;
        this.notes = notes;
        this.registrations = registrations;
        this.live = live;
        this.tab = tab;
        this.files = files;
    }

    @GetMapping("/shared-deals/{id}")
    String overview(Caller caller, @PathVariable String id, Model model) {
        model.addAttribute("deal", queries.view(caller, id));
        model.addAttribute("tab", "overview");
        return "partner/shared-deal";
    }

    @GetMapping("/shared-deals/{id}/shared")
    String sharedTab(Caller caller, @PathVariable String id, Model model) {
        return tab.page(caller, id, model);
    }

    /** The details card alone, for a page to refresh itself. */
    @GetMapping("/shared-deals/{id}/card")
    String card(Caller caller, @PathVariable String id, Model model) {
        model.addAttribute("deal", queries.view(caller, id));
        return "partner/shared-deal :: card";
    }

    /** The timeline alone, for a page to refresh itself. */
    @GetMapping("/shared-deals/{id}/timeline")
    String timelineFragment(Caller caller, @PathVariable String id, Model model) {
        model.addAttribute("deal", queries.view(caller, id));
        tab.timeline(caller, id, model);
        return "partner/shared-deal :: timeline";
    }

    @GetMapping(path = "/shared-deals/{id}/events", produces = "text/event-stream")
    SseEmitter events(Caller caller, @PathVariable String id) {
        queries.visible(caller, id);
        return live.open(id);
    }

    /**
     * Add shared message, with the files chosen in the editor (a plain form post, multipart when it has files). A
     * file refused before the note exists keeps the draft and saves nothing; one refused by its content is shown on
     * the saved note's file field.
     */
    @PostMapping("/shared-deals/{id}/shared-notes")
    String addNote(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String body,
                   @RequestParam(name = "file", required = false) List<MultipartFile> parts, Model model,
                   HttpServletResponse response) {
        List<MultipartFile> chosen = NoteFiles.chosen(parts);
        Optional<FileRefusal> early = files.precheck(chosen);
        if (early.isPresent()) {
            return refusedFile(caller, id, early.get(), body, model, response);
        }
        NoteView note;
        try {
            note = notes.add(caller, id, body);
        } catch (UnprocessableException refused) {
            response.setStatus(refused.status());
            model.addAttribute("bodyError", true);
            model.addAttribute("draft", body);
            return tab.page(caller, id, model);
        }
        Optional<FileRefusal> late = files.attach(caller, id, note.id(), chosen);
        if (late.isPresent()) {
            return refusedFile(caller, id, late.get(), null, model, response);
        }
        return "redirect:/shared-deals/" + id + "/shared";
    }

    @PostMapping("/shared-deals/{id}/shared-notes/{noteId}/comments")
    String comment(Caller caller, @PathVariable String id, @PathVariable String noteId,
                   @RequestParam(defaultValue = "") String body) {
        notes.comment(caller, id, noteId, body);
        return "redirect:/shared-deals/" + id + "/shared";
    }

    @PostMapping("/shared-deals/{id}/withdraw")
    String withdraw(Caller caller, @PathVariable String id, @RequestParam(required = false) String reason) {
        registrations.withdraw(caller, id, reason == null || reason.isBlank() ? null : reason.strip());
        return "redirect:/shared-deals/" + id;
    }

    private String refusedFile(Caller caller, String id, FileRefusal refusal, String draft, Model model,
                               HttpServletResponse response) {
        SharedTabModel.fileRefused(model, response, refusal, draft);
        return tab.page(caller, id, model);
    }
}
