package com.dealbridge.crm.deal;

import com.dealbridge.crm.product.Products;
import com.dealbridge.crm.rep.SalesReps;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.kit.web.ProblemException;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.shareddeal.api.SharedDealCommands;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.domain.Stage;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The deal page's model ({@code /deals/{id}}), for its own controller and for the edit forms that show it again
 * with their refusals: the CRM deal and its owner, its shared deal with what the sync policy lets the CRM edit, the
 * stages, the reps who may own it and the catalogue for quotes.
 */
@Component
public class CrmDealPage {

    static final String VIEW = "crm/deal";

    private final CrmDeals deals;
    private final SharedDealQueries queries;
    private final SharedDealCommands commands;
    private final Products products;
    private final SalesReps reps;

    CrmDealPage(CrmDeals deals, SharedDealQueries queries, SharedDealCommands commands, Products products,
                SalesReps reps) {
        this.deals = deals;
        this.queries = queries;
        this.commands = commands;
        this.products = products;
        this.reps = reps;
    }

    /** The deal, or 404 (shown as the not-found page). */
    public CrmDeal deal(String id) {
        return deals.find(id).orElseThrow(() -> new NotFoundException("Deal " + id + " not found"));
    }

    /** The deal's shared deal id, or 404 when the deal is not shared (the edits below need one). */
    public String sharedDealId(String id) {
        CrmDeal deal = deal(id);
        if (!deal.isShared()) {
            throw new NotFoundException("Deal " + id + " is not shared");
        }
        return deal.sharedDealId();
    }

    public String show(Caller caller, String id, Model model) {
        return show(caller, id, Map.of(), model);
    }

    /** @param draft what the user typed into the refused form, by field name, to show it again */
    String show(Caller caller, String id, Map<String, String> draft, Model model) {
        CrmDeal deal = deal(id);
        model.addAttribute("me", caller);
        model.addAttribute("deal", deal);
        model.addAttribute("shared", deal.isShared() ? queries.view(caller, deal.sharedDealId()) : null);
        model.addAttribute("rules", commands.editRules());
        model.addAttribute("stages", Stream.of(Stage.values()).map(Stage::name).toList());
        model.addAttribute("products", products.offered(Paging.of(0, Paging.MAX_SIZE)).items());
        model.addAttribute("owner", reps.find(deal.ownerId()).orElse(null));
        model.addAttribute("reps", reps.active());
        model.addAttribute("draft", draft);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return VIEW;
    }

    /**
     * The page again after a form was refused: field errors next to their fields, any other refusal (a sync-policy
     * conflict, a closed deal) at the top of the form it came from, with the service's reason; the status is the
     * API's.
     *
     * @param form which form was sent ({@code details}, {@code stage}, {@code compensation}, {@code quote})
     */
    public String refused(Caller caller, String id, String form, ProblemException refusal, Map<String, String> draft,
                          HttpServletResponse response, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (refusal instanceof UnprocessableException unprocessable && !unprocessable.errors().isEmpty()) {
            unprocessable.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
        } else {
            model.addAttribute("refusal", refusal.detail());
        }
        response.setStatus(refusal.status());
        model.addAttribute("refusedForm", form);
        model.addAttribute("errors", errors);
        return show(caller, id, draft, model);
    }
}
