package com.dealbridge.crm.deal;

import com.dealbridge.crm.rep.SalesRep;
import com.dealbridge.crm.rep.SalesReps;
import com.dealbridge.crm.workspace.WorkspacePage;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.shareddeal.domain.Stage;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The CRM workspace's home ({@code /}): the CRM's deals, newest first, filtered by shared / not shared, stage and
 * owner, paginated. It reads through {@link CrmDeals}, the service the API's {@code GET /api/deals} uses.
 */
@Controller
@Hidden // a page, not part of the API document
@WorkspacePage
class CrmDealPages {

    static final int PAGE_SIZE = 20;

    private final CrmDeals deals;
    private final CrmDealPage page;
    private final SalesReps reps;

    CrmDealPages(CrmDeals deals, CrmDealPage page, SalesReps reps) {
        this.deals = deals;
        this.page = page;
        this.reps = reps;
    }

    @GetMapping("/")
    String deals(Caller caller, @RequestParam(required = false) String shared,
                 @RequestParam(required = false) String stage, @RequestParam(required = false) String ownerId,
                 @RequestParam(required = false) Integer page, Model model) {
        // unknown filter values show every deal rather than an error page: they come from hand-edited links
        Boolean sharedFilter = "yes".equals(shared) ? Boolean.TRUE : "no".equals(shared) ? Boolean.FALSE : null;
        String stageFilter = stage != null && CrmDeals.isStage(stage) ? stage : null;
        Paging paging = Paging.of(page == null ? 0 : Math.max(page, 0), PAGE_SIZE);
        List<SalesRep> owners = reps.active();
        String ownerFilter = owners.stream().anyMatch(rep -> rep.id().equals(ownerId)) ? ownerId : null;
        ListResponse<CrmDeal> found = deals.list(paging, sharedFilter, stageFilter, ownerFilter);
        model.addAttribute("me", caller);
        model.addAttribute("rows", found.items());
        model.addAttribute("shared", sharedFilter == null ? "" : shared);
        model.addAttribute("stage", stageFilter == null ? "" : stageFilter);
        model.addAttribute("stages", Stream.of(Stage.values()).map(Stage::name).toList());
        model.addAttribute("owners", owners);
        model.addAttribute("ownerId", ownerFilter == null ? "" : ownerFilter);
        Map<String, String> ownerNames = owners.stream().collect(Collectors.toMap(SalesRep::id, SalesRep::name));
        model.addAttribute("ownerNames", ownerNames);
        model.addAttribute("page", paging.page());
        model.addAttribute("total", found.total());
        model.addAttribute("hasNext", (long) paging.offset() + found.items().size() < found.total());
        return "crm/deals";
    }

    @GetMapping("/deals/{id}")
    String deal(Caller caller, @PathVariable String id, Model model) {
        return page.show(caller, id, model);
    }

    /** A shared deal page's edit forms that refresh themselves (templates/crm/deal-edits.html), by fragment name. */
    static final Set<String> EDIT_FRAGMENTS = Set.of("edit-details", "edit-stage", "edit-compensation", "edit-quotes");

    /**
     * One edit form of a shared deal's page alone, with the shared deal's current values, for the page to refresh
     * it when its event stream says the deal changed (the page keeps a form the rep is working in).
     */
    @GetMapping("/deals/{id}/edits/{fragment}")
    String editForm(Caller caller, @PathVariable String id, @PathVariable String fragment, Model model) {
        if (!EDIT_FRAGMENTS.contains(fragment)) {
            throw new NotFoundException("No form " + fragment);
        }
        page.sharedDealId(id); // a deal that is not shared has none of these forms: 404
        page.show(caller, id, model);
        return "crm/deal-edits :: " + fragment;
    }

    /** The details card alone, for the page to refresh itself when its event stream says the deal changed. */
    @GetMapping("/deals/{id}/card")
    String card(Caller caller, @PathVariable String id, Model model) {
        page.show(caller, id, model);
        return "crm/deal :: details";
    }

}
