package com.dealbridge.crm.shareddeal;

import com.dealbridge.crm.deal.CrmDealPage;
import com.dealbridge.crm.workspace.WorkspacePage;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.UnprocessableException;
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
 * A shared note's actions on the CRM's Shared tab, as on the portal's: edit and delete of the CRM's own notes (the
 * rules are {@link SharedNotes}'s, the API's: the partner's notes answer 403), files attached to a saved note
 * through {@link NoteFiles} (413 / 415 / 422 next to the field), an attachment deleted, and an attachment's bytes
 * for the page (a link, or an image shown as a thumbnail) through the API's own download.
 */
@Controller
@Hidden // a page, not part of the API document
@WorkspacePage
class SharedNotePages {

    private final CrmDealPage page;
    private final CrmSharedTab tab;
    private final SharedNotes notes;
    private final NoteFiles files;
    /** The API's download, reused so the page serves the bytes with the same headers and checks. */
    private final SharedNoteController api;

    SharedNotePages(CrmDealPage page, CrmSharedTab tab, SharedNotes notes, NoteFiles files,
                    SharedNoteController api) {
        this.page = page;
        this.tab = tab;
        this.notes = notes;
        this.files = files;
        this.api = api;
    }

    @PostMapping("/deals/{id}/shared-notes/{noteId}")
    String edit(Caller caller, @PathVariable String id, @PathVariable String noteId,
                @RequestParam(defaultValue = "") String body, Model model, HttpServletResponse response) {
        try {
            notes.edit(caller, page.sharedDealId(id), noteId, body);
        } catch (UnprocessableException refused) {
            SharedTabModel.editRefused(model, response, refused.status(), noteId, body);
            return tab.page(caller, id, model);
        }
        return CrmSharedTab.backTo(id);
    }

    @PostMapping("/deals/{id}/shared-notes/{noteId}/delete")
    String delete(Caller caller, @PathVariable String id, @PathVariable String noteId) {
        notes.delete(caller, page.sharedDealId(id), noteId);
        return CrmSharedTab.backTo(id);
    }

    @PostMapping("/deals/{id}/shared-notes/{noteId}/attachments")
    String attach(Caller caller, @PathVariable String id, @PathVariable String noteId,
                  @RequestParam(name = "file", required = false) List<MultipartFile> parts, Model model,
                  HttpServletResponse response) {
        Optional<FileRefusal> refused = files.attach(caller, page.sharedDealId(id), noteId, NoteFiles.chosen(parts));
        if (refused.isPresent()) {
            response.setStatus(refused.get().status());
            model.addAttribute("fileRefusal", refused.get());
            return tab.page(caller, id, model);
        }
        return CrmSharedTab.backTo(id);
    }

    @PostMapping("/deals/{id}/shared-notes/{noteId}/attachments/{attachmentId}/delete")
    String deleteAttachment(Caller caller, @PathVariable String id, @PathVariable String noteId,
                            @PathVariable String attachmentId) {
        notes.deleteAttachment(caller, page.sharedDealId(id), noteId, attachmentId);
        return CrmSharedTab.backTo(id);
    }

    @GetMapping("/deals/{id}/shared-notes/{noteId}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> download(Caller caller, @PathVariable String id,
                                                 @PathVariable String noteId, @PathVariable String attachmentId,
                                                 WebRequest request) {
        return api.download(caller, page.sharedDealId(id), noteId, attachmentId, request);
    }
}
