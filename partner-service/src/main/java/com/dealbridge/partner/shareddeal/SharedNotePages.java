package com.dealbridge.partner.shareddeal;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.partner.pages.PortalPage;
import com.dealbridge.shareddeal.notes.NoteFiles;
import com.dealbridge.shareddeal.notes.NoteFiles.FileRefusal;
import com.dealbridge.shareddeal.notes.SharedNotes;
import com.dealbridge.shareddeal.notes.SharedTabModel;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;

/**
 * A shared note's actions on the Shared tab: edit and delete (offered on this side's notes; the rules are
 * {@link SharedNotes}'s, the API's), files attached to a saved note, an attachment deleted, and an attachment's
 * bytes for the page (a download link, or an image shown inline as a thumbnail). Plain form posts answering with a
 * redirect to the tab, or with the tab and the refusal next to its field.
 */
@Controller
@Hidden // a page, not part of the API document
@PortalPage
class SharedNotePages {

    private final SharedNotes notes;
    private final SharedTab tab;
    private final NoteFiles files;
    /** The API's download, reused so the page serves the bytes with the same headers and checks. */
    private final SharedNoteController api;

    SharedNotePages(SharedNotes notes, SharedTab tab, NoteFiles files, SharedNoteController api) {
        this.notes = notes;
        this.tab = tab;
        this.files = files;
        this.api = api;
    }

    @PostMapping("/shared-deals/{id}/shared-notes/{noteId}")
    String edit(Caller caller, @PathVariable String id, @PathVariable String noteId,
                @RequestParam(defaultValue = "") String body, Model model, HttpServletResponse response) {
        try {
            notes.edit(caller, id, noteId, body);
        } catch (UnprocessableException refused) {
            SharedTabModel.editRefused(model, response, refused.status(), noteId, body);
            return tab.page(caller, id, model);
        }
        return backToTab(id);
    }

    @PostMapping("/shared-deals/{id}/shared-notes/{noteId}/delete")
    String delete(Caller caller, @PathVariable String id, @PathVariable String noteId) {
        notes.delete(caller, id, noteId);
        return backToTab(id);
    }

    @PostMapping("/shared-deals/{id}/shared-notes/{noteId}/attachments")
    String attach(Caller caller, @PathVariable String id, @PathVariable String noteId,
                  @RequestParam(name = "file", required = false) List<MultipartFile> parts, Model model,
                  HttpServletResponse response) {
        List<MultipartFile> chosen = NoteFiles.chosen(parts);
        Optional<FileRefusal> refused = files.attach(caller, id, noteId, chosen);
        if (refused.isPresent()) {
            response.setStatus(refused.get().status());
            model.addAttribute("fileRefusal", refused.get());
            return tab.page(caller, id, model);
        }
        return backToTab(id);
    }

    @PostMapping("/shared-deals/{id}/shared-notes/{noteId}/attachments/{attachmentId}/delete")
    String deleteAttachment(Caller caller, @PathVariable String id, @PathVariable String noteId,
                            @PathVariable String attachmentId) {
        notes.deleteAttachment(caller, id, noteId, attachmentId);
        return backToTab(id);
    }

    @GetMapping("/shared-deals/{id}/shared-notes/{noteId}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> download(Caller caller, @PathVariable String id,
                                                 @PathVariable String noteId, @PathVariable String attachmentId,
                                                 WebRequest request) {
        return api.download(caller, id, noteId, attachmentId, request);
    }

    private static String backToTab(String id) {
        return "redirect:/shared-deals/" + id + "/shared";
    }
}
