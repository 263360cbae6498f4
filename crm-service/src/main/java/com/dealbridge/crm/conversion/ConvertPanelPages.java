package com.dealbridge.crm.conversion;

import com.dealbridge.crm.deal.CrmDeal;
import com.dealbridge.crm.deal.CrmDeals;
import com.dealbridge.crm.partner.PartnersWithCapacity;
import com.dealbridge.crm.workspace.WorkspacePage;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.kit.web.ProblemException;
import com.dealbridge.kit.web.UnprocessableException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The *Convert to shared deal* panel of a CRM deal ({@code /deals/{id}/convert}): Partner (with used / total
 * capacity), Partner contact, Welcome note, the confirmation; *Next* checks them ({@link Conversions#review}, the
 * checks of the API's conversion) and shows a review with *Back* and *Add partner*, which converts
 * ({@link Conversions#convert}, the API's). Refusals are shown in the panel with the fields kept: a field's next to
 * it, the deal's (no company or contact) and the conflicts (capacity, a closed or already shared deal) at the top.
 */
@Controller
@Hidden // a page, not part of the API document
@WorkspacePage
class ConvertPanelPages {

    /** The panel's own fields; the service's other field errors are about the deal and shown at the top. */
    static final Set<String> FIELDS = Set.of("partnerId", "partnerContactId", "welcomeNote",
            "contactedPartnerConfirmed");

    private final CrmDeals deals;
    private final PartnersWithCapacity partners;
    private final Conversions conversions;

    ConvertPanelPages(CrmDeals deals, PartnersWithCapacity partners, Conversions conversions) {
        this.deals = deals;
        this.partners = partners;
        this.conversions = conversions;
    }

    @GetMapping("/deals/{id}/convert")
    String panel(Caller caller, @PathVariable String id, Model model) {
        return panel(caller, deal(id), new ConvertRequest(null, null, "", false), model);
    }

    /** Next: the fields checked, then the review; or the panel again with the refusals. */
    @PostMapping("/deals/{id}/convert/review")
    String review(Caller caller, @PathVariable String id, @ModelAttribute("panel") PanelForm form, Model model,
                  HttpServletResponse response) {
        CrmDeal deal = deal(id);
        ConvertRequest request = form.request();
        Conversions.Review review;
        try {
            review = conversions.review(id, request);
        } catch (ProblemException refused) {
            return refused(caller, deal, request, refused, model, response);
        }
        model.addAttribute("review", review);
        return panel(caller, deal, request, model);
    }

    /** Back from the review: the panel with what was chosen. */
    @PostMapping("/deals/{id}/convert/edit")
    String back(Caller caller, @PathVariable String id, @ModelAttribute("panel") PanelForm form, Model model) {
        return panel(caller, deal(id), form.request(), model);
    }

    /** Add partner: the conversion; a refusal (e.g. the partner reached its capacity meanwhile) in the panel. */
    @PostMapping("/deals/{id}/convert")
    String convert(Caller caller, @PathVariable String id, @ModelAttribute("panel") PanelForm form, Model model,
                   HttpServletResponse response) {
        CrmDeal deal = deal(id);
        ConvertRequest request = form.request();
        try {
            conversions.convert(caller, id, request);
        } catch (ProblemException refused) {
            return refused(caller, deal, request, refused, model, response);
        }
        return "redirect:/deals/" + id;
    }

    private String refused(Caller caller, CrmDeal deal, ConvertRequest request, ProblemException refused,
                           Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> dealProblems = new ArrayList<>();
        if (refused instanceof UnprocessableException unprocessable && !unprocessable.errors().isEmpty()) {
            unprocessable.errors().forEach(error -> {
                if (FIELDS.contains(error.field())) {
                    errors.putIfAbsent(error.field(), error.message());
                } else {
                    dealProblems.add(error.field());
                }
            });
        }
        response.setStatus(refused.status());
        model.addAttribute("errors", errors);
        model.addAttribute("dealProblems", dealProblems);
        // a refusal that names no field of the panel (capacity, a closed deal) is shown at the top as the service says it
        model.addAttribute("refusal", errors.isEmpty() && dealProblems.isEmpty() ? refused.detail() : null);
        return panel(caller, deal, request, model);
    }

    private String panel(Caller caller, CrmDeal deal, ConvertRequest request, Model model) {
        model.addAttribute("me", caller);
        model.addAttribute("deal", deal);
        model.addAttribute("partners", partners.page(Paging.of(0, Paging.MAX_SIZE)).items());
        model.addAttribute("form", request);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("dealProblems", List.of());
        }
        return "crm/convert";
    }

    private CrmDeal deal(String id) {
        return deals.find(id).orElseThrow(() -> new NotFoundException("Deal " + id + " not found"));
    }

    /**
     * The panel's form as its three steps post it (any field may be missing): a blank choice is none, a missing
     * note is empty, an unticked confirmation is false.
     */
    record PanelForm(String partnerId, String partnerContactId, String welcomeNote,
                     Boolean contactedPartnerConfirmed) {

        ConvertRequest request() {
            return new ConvertRequest(blankToNull(partnerId), blankToNull(partnerContactId),
                    welcomeNote == null ? "" : welcomeNote, Boolean.TRUE.equals(contactedPartnerConfirmed));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
