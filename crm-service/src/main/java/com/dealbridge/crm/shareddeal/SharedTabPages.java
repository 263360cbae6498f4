package com.dealbridge.crm.shareddeal;

import com.dealbridge.crm.deal.CrmDeal;
import com.dealbridge.crm.deal.CrmDealPage;
import com.dealbridge.crm.workspace.WorkspacePage;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.live.LiveDealPages;
import com.dealbridge.shareddeal.notes.SharedNotes;
import com.dealbridge.shareddeal.notes.SharedTimeline;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Shared tab of a shared CRM deal ({@code /deals/{id}/shared}): the shared timeline oldest first (the portal's
 * template, {@code shared/timeline}), Add shared message and comments through {@link SharedNotes}, the service of
 * the API's {@code shared-notes}; live through {@link LiveDealPages}, as on the portal. A deal that is not shared
 * has no Shared tab (404).
 */
@Controller
@Hidden // a page, not part of the API document
@WorkspacePage
class SharedTabPages {

    private final CrmDealPage page;
    private final SharedDealQueries queries;
    private final SharedNotes notes;
    private final LiveDealPages live;

    SharedTabPages(CrmDealPage page, SharedDealQueries queries, SharedNotes notes, LiveDealPages live) {
        this.page = page;
        this.queries = queries;
        this.notes = notes;
        this.live = live;
    }

    @GetMapping("/deals/{id}/shared")
    String sharedTab(Caller caller, @PathVariable String id, Model model) {
        return tab(caller, id, model);
    }

    /** The timeline alone, for the page to refresh itself. */
    @GetMapping("/deals/{id}/timeline")
    String timeline(Caller caller, @PathVariable String id, Model model) {
        model.addAttribute("timeline", SharedTimeline.read(notes, queries, caller, page.sharedDealId(id)));
        model.addAttribute("base", "/deals/" + id);
        return "crm/shared-tab :: timeline";
    }

    @GetMapping(path = "/deals/{id}/events", produces = "text/event-stream")
    SseEmitter events(Caller caller, @PathVariable String id) {
        String sharedDealId = page.sharedDealId(id);
        queries.visible(caller, sharedDealId);
        return live.open(sharedDealId);
    }

    @PostMapping("/deals/{id}/shared-notes")
    String addNote(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String body,
                   Model model, HttpServletResponse response) {
        try {
            notes.add(caller, page.sharedDealId(id), body);
        } catch (UnprocessableException refused) {
            response.setStatus(refused.status());
            model.addAttribute("bodyError", refused.errors().isEmpty() ? refused.detail()
                    : refused.errors().get(0).message());
            model.addAttribute("draft", body);
            return tab(caller, id, model);
        }
        return "redirect:/deals/" + id + "/shared";
    }

    @PostMapping("/deals/{id}/shared-notes/{noteId}/comments")
    String comment(Caller caller, @PathVariable String id, @PathVariable String noteId,
                   @RequestParam(defaultValue = "") String body) {
        notes.comment(caller, page.sharedDealId(id), noteId, body);
        return "redirect:/deals/" + id + "/shared";
    }

    private String tab(Caller caller, String id, Model model) {
        CrmDeal deal = page.deal(id);
        String sharedDealId = page.sharedDealId(id);
        model.addAttribute("me", caller);
        model.addAttribute("deal", deal);
        model.addAttribute("shared", queries.view(caller, sharedDealId));
        model.addAttribute("timeline", SharedTimeline.read(notes, queries, caller, sharedDealId));
        model.addAttribute("base", "/deals/" + id);
        return "crm/shared-tab";
    }
}
