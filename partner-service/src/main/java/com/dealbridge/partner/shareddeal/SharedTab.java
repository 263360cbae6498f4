package com.dealbridge.partner.shareddeal;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.notes.SharedTabModel;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the Shared tab shows, for the pages that render it (the tab itself, and every form on it that answers with
 * the tab and its refusals): the deal and the shared timeline fragments' model ({@link SharedTabModel}, the same as
 * the CRM workspace's), with the partner's own notes editable.
 */
@Component
class SharedTab {

    /** Notes this side wrote may be edited and deleted on the page; the other side's are read-only here. */
    static final Origin OWN_SIDE = Origin.PARTNER;

    private final SharedDealQueries queries;
    private final SharedTabModel shared;

    SharedTab(SharedDealQueries queries, SharedTabModel shared) {
        this.queries = queries;
        this.shared = shared;
    }

    /** The whole page with the Shared tab open; refusals the caller put in the model are shown next to fields. */
    String page(Caller caller, String id, Model model) {
        model.addAttribute("deal", queries.view(caller, id));
        model.addAttribute("tab", "shared");
        timeline(caller, id, model);
        return "partner/shared-deal";
    }

    /** The timeline fragment's model: notes, activity, and the limits of the notes' file fields. */
    void timeline(Caller caller, String id, Model model) {
        shared.addTo(model, caller, id, OWN_SIDE);
    }
}
