package com.dealbridge.partner.deal;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.partner.pages.PortalPage;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.api.SharedDealView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's home: the partner's deals, by default the saved filter "active deal registrations" (the tracking
 * view), searchable by name, a page at a time. {@code /deals/{dealId}} (the e-mails' links) opens the deal's
 * shared deal.
 */
@Controller
@Hidden // a page, not part of the API document
@PortalPage
class DealPages {

    static final int PAGE_SIZE = 20;

    /** A row of the home page: the deal and, if it has one, its shared deal (stage, rep, status). */
    record DealRow(DealView deal, SharedDealView shared) {
    }

    private final DealListing listing;
    private final Deals deals;
    private final DealRegistrations registrations;
    private final SharedDealQueries sharedDeals;

    DealPages(DealListing listing, Deals deals, DealRegistrations registrations, SharedDealQueries sharedDeals) {
        this.listing = listing;
        this.deals = deals;
        this.registrations = registrations;
        this.sharedDeals = sharedDeals;
    }

    /** @param view {@code tracking} (default): deals with an active registration; {@code all}: every deal */
    @GetMapping("/")
    String home(Caller caller, @RequestParam(defaultValue = "tracking") String view,
                @RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page,
                Model model) {
        boolean tracking = !"all".equals(view);
        String search = name == null ? null : name.strip();
        if (search != null && search.length() > 200) {
            search = search.substring(0, 200);
        }
        ListResponse<DealView> found = listing.list(caller.partnerId(), tracking ? 1 : null, search,
                Paging.of(Math.max(page, 0), PAGE_SIZE));
        List<DealRow> rows = found.items().stream().map(deal -> new DealRow(deal, deal.sharedDealId() == null ? null
                : sharedDeals.view(caller, deal.sharedDealId()))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("view", tracking ? "tracking" : "all");
        model.addAttribute("name", search == null ? "" : search);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("total", found.total());
        model.addAttribute("hasNext", (long) (Math.max(page, 0) + 1) * PAGE_SIZE < found.total());
        return "partner/home";
    }

    /**
     * The deal's shared deal; a deal that never had one shows its own details. E-mails link the partner's deal id,
     * or the shared deal's id while the deal is not yet here.
     */
    @GetMapping("/deals/{dealId}")
    String deal(Caller caller, @PathVariable String dealId, Model model) {
        Deal deal = deals.find(caller.partnerId(), dealId).orElse(null);
        if (deal == null) {
            // a notification about a deal not synced here yet links the shared deal's id (404 when not the caller's)
            return "redirect:/shared-deals/" + sharedDeals.visible(caller, dealId).id();
        }
        DealView view = registrations.views(List.of(deal)).get(0);
        if (view.sharedDealId() != null) {
            return "redirect:/shared-deals/" + view.sharedDealId();
        }
        model.addAttribute("deal", view);
        return "partner/deal";
    }
}
