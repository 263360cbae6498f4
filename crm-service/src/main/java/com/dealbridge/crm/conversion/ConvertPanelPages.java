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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The *Convert to shared deal* panel of a CRM deal ({@code /deals/{id}/convert}): Partner (with used / total
 * capacity), Partner contact, Welcome note, the confirmation, *Add partner*. The conversion is
 * {@link Conversions#convert}, the API's; its refusals (capacity, no company or contact, not confirmed) are shown in
 * the panel with the fields kept.
 */
@Controller
@Hidden // a page, not part of the API document
@WorkspacePage
class ConvertPanelPages {

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
        return panel(caller, deal(id), new ConvertRequest(null, null, "", false), null, model);
    }

    @PostMapping("/deals/{id}/convert")
    String convert(Caller caller, @PathVariable String id, @RequestParam(required = false) String partnerId,
                   @RequestParam(required = false) String partnerContactId,
                   @RequestParam(defaultValue = "") String welcomeNote,
                   @RequestParam(defaultValue = "false") boolean contactedPartnerConfirmed, Model model,
                   HttpServletResponse response) {
        CrmDeal deal = deal(id);
        ConvertRequest request = new ConvertRequest(blankToNull(partnerId), blankToNull(partnerContactId),
                welcomeNote, contactedPartnerConfirmed);
        try {
            conversions.convert(caller, id, request);
        } catch (ProblemException refused) {
            String reason = refused instanceof UnprocessableException unprocessable
                    && !unprocessable.errors().isEmpty() ? unprocessable.errors().get(0).message() : refused.detail();
            response.setStatus(refused.status());
            return panel(caller, deal, request, reason, model);
        }
        return "redirect:/deals/" + id;
    }

    private String panel(Caller caller, CrmDeal deal, ConvertRequest request, String refusal, Model model) {
        model.addAttribute("me", caller);
        model.addAttribute("deal", deal);
        model.addAttribute("partners", partners.page(Paging.of(0, Paging.MAX_SIZE)).items());
        model.addAttribute("form", request);
        model.addAttribute("refusal", refusal);
        return "crm/convert";
    }

    private CrmDeal deal(String id) {
        return deals.find(id).orElseThrow(() -> new NotFoundException("Deal " + id + " not found"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
