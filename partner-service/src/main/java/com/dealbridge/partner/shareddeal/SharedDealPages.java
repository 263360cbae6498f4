package com.dealbridge.partner.shareddeal;

import io.swagger.v3.oas.annotations.Hidden;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.partner.pages.PortalPage;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.live.LiveDealPages;
import com.dealbridge.shareddeal.notes.SharedNotes;
import com.dealbridge.shareddeal.notes.SharedTimeline;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A shared deal's page ({@code /shared-deals/{id}}: details, the assigned rep, the closed won / lost banner,
 * Withdraw registration) and its Shared tab ({@code .../shared}: the shared timeline oldest first, Add shared message,
 * comments). Fragments of both are fetched again when the deal's event stream says it changed. Every action goes
 * through the application services the API uses.
 */
@Controller
@Hidden // a page, not part of the API document
@PortalPage
class SharedDealPages {

    private final SharedDealQueries queries;
    private final SharedNotes notes;
    private final SharedDealRegistrations registrations;
    private final LiveDealPages live;

    SharedDealPages(SharedDealQueries queries, SharedNotes notes, SharedDealRegistrations registrations,
                    LiveDealPages live) {
        this.queries = queries;
        this.notes = notes;
        this.registrations = registrations;
        this.live = live;
    }

    @GetMapping("/shared-deals/{id}")
    String overview(Caller caller, @PathVariable String id, Model model) {
        model.addAttribute("deal", queries.view(caller, id));
        model.addAttribute("tab", "overview");
        return "partner/shared-deal";
    }

    @GetMapping("/shared-deals/{id}/shared")
    String sharedTab(Caller caller, @PathVariable String id, Model model) {
        model.addAttribute("deal", queries.view(caller, id));
        model.addAttribute("tab", "shared");
        timeline(caller, id, model);
        return "partner/shared-deal";
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
        timeline(caller, id, model);
        return "partner/shared-deal :: timeline";
    }

    @GetMapping(path = "/shared-deals/{id}/events", produces = "text/event-stream")
    SseEmitter events(Caller caller, @PathVariable String id) {
        queries.visible(caller, id);
        return live.open(id);
    }

    @PostMapping("/shared-deals/{id}/shared-notes")
    String addNote(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String body,
                   Model model, RedirectAttributes redirect) {
        try {
            notes.add(caller, id, body);
        } catch (UnprocessableException refused) {
            model.addAttribute("deal", queries.view(caller, id));
            model.addAttribute("tab", "shared");
            model.addAttribute("bodyError", refused.errors().isEmpty() ? refused.detail()
                    : refused.errors().get(0).message());
            model.addAttribute("draft", body);
            timeline(caller, id, model);
            return "partner/shared-deal";
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

    private void timeline(Caller caller, String id, Model model) {
        model.addAttribute("timeline", SharedTimeline.read(notes, queries, caller, id));
    }
}
