package com.dealbridge.crm.shareddeal;

import com.dealbridge.crm.deal.CrmDeal;
import com.dealbridge.crm.deal.CrmDealPage;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.notes.SharedTabModel;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the CRM's Shared tab shows, for the tab and for every form on it that answers with the tab and its refusal:
 * the CRM deal, its shared deal, and the shared timeline fragments' model ({@link SharedTabModel}, the portal's
 * too), with the CRM's own notes editable.
 */
@Component
class CrmSharedTab {

    /** Notes the CRM wrote may be edited and deleted here; the partner's are read-only (the API refuses them). */
    static final Origin OWN_SIDE = Origin.CRM;

    private final CrmDealPage page;
    private final SharedDealQueries queries;
    private final SharedTabModel shared;

    CrmSharedTab(CrmDealPage page, SharedDealQueries queries, SharedTabModel shared) {
        this.page = page;
        this.queries = queries;
        this.shared = shared;
    }

    String page(Caller caller, String id, Model model) {
        CrmDeal deal = page.deal(id);
        String sharedDealId = page.sharedDealId(id);
        model.addAttribute("me", caller);
        model.addAttribute("deal", deal);
        model.addAttribute("shared", queries.view(caller, sharedDealId));
        timeline(caller, id, model);
        return "crm/shared-tab";
    }

    void timeline(Caller caller, String id, Model model) {
        shared.addTo(model, caller, page.sharedDealId(id), OWN_SIDE);
        model.addAttribute("base", "/deals/" + id);
    }

    static String backTo(String id) {
        return "redirect:/deals/" + id + "/shared";
    }
}
