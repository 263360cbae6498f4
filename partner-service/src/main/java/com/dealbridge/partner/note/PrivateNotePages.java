package com.dealbridge.partner.note;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.partner.pages.PortalPage;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.api.SharedDealView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A shared deal's Notes tab: the private notes of the partner's own deal behind it ({@link PrivateNotes}, the API's
 * {@code /api/deals/{dealId}/notes}), which never leave partner-service. The tab says so, and is kept apart from
 * the Shared tab so nobody types a private thought into a shared message.
 */
@Controller
@Hidden // a page, not part of the API document
@PortalPage
class PrivateNotePages {

    /** The tab shows this many notes, oldest first; the API pages further. */
    static final int SHOWN = 200;

    private final PrivateNotes notes;
    private final SharedDealQueries sharedDeals;

    PrivateNotePages(PrivateNotes notes, SharedDealQueries sharedDeals) {
        this.notes = notes;
        this.sharedDeals = sharedDeals;
    }

    @GetMapping("/shared-deals/{id}/notes")
    String tab(Caller caller, @PathVariable String id, Model model) {
        return page(caller, sharedDeals.view(caller, id), model);
    }

    @PostMapping("/shared-deals/{id}/notes")
    String add(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String body, Model model,
               HttpServletResponse response) {
        SharedDealView deal = sharedDeals.view(caller, id);
        if (deal.dealId() == null) {
            throw UnprocessableException.of("body", "this shared deal has no deal of the partner's yet");
        }
        try {
            notes.add(caller, deal.dealId(), body);
        } catch (UnprocessableException refused) {
            response.setStatus(refused.status());
            model.addAttribute("privateError", true);
            model.addAttribute("privateDraft", body);
            return page(caller, deal, model);
        }
        return "redirect:/shared-deals/" + id + "/notes";
    }

    private String page(Caller caller, SharedDealView deal, Model model) {
        List<PrivateNoteView> shown = deal.dealId() == null ? List.of()
                : notes.list(caller, deal.dealId(), Paging.of(0, SHOWN)).items().stream().map(PrivateNoteView::of)
                        .toList();
        model.addAttribute("deal", deal);
        model.addAttribute("tab", "notes");
        model.addAttribute("privateNotes", shown);
        return "partner/shared-deal";
    }
}
