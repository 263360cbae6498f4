package com.dealbridge.partner.settings;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.partner.account.Partner;
import com.dealbridge.partner.account.PartnerAccounts;
import com.dealbridge.partner.pages.PortalPage;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings → Partners → Communication as a page: the toggle "Get notified about your registered leads' activity"
 * and "Select notification recipient", saved by {@link PartnerAccounts#changeCommunication} as the API's
 * {@code PUT /api/settings/communication} does (a recipient who is not one of the partner's users → 422).
 */
@Controller
@Hidden // a page, not part of the API document
@PortalPage
class CommunicationSettingsPages {

    static final String PATH = "/settings/partners/communication";

    private final PartnerAccounts accounts;

    CommunicationSettingsPages(PartnerAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(PATH)
    String show(Caller caller, @RequestParam(required = false) String saved, Model model) {
        Partner partner = partner(caller);
        model.addAttribute("saved", saved != null);
        return page(partner, partner.notifyRegisteredLeadActivity(), partner.notificationRecipientUserId(), model);
    }

    /** An unchecked checkbox sends nothing, so a missing toggle means off. */
    @PostMapping(PATH)
    String save(Caller caller, @RequestParam(defaultValue = "false") boolean notifyRegisteredLeadActivity,
                @RequestParam(defaultValue = "") String recipientUserId, Model model,
                HttpServletResponse response) {
        try {
            accounts.changeCommunication(caller.partnerId(), notifyRegisteredLeadActivity, recipientUserId.strip());
        } catch (UnprocessableException refused) {
            response.setStatus(refused.status());
            model.addAttribute("recipientError", true);
            return page(partner(caller), notifyRegisteredLeadActivity, recipientUserId, model);
        }
        return "redirect:" + PATH + "?saved";
    }

    private String page(Partner partner, boolean notify, String recipientUserId, Model model) {
        model.addAttribute("partner", partner);
        model.addAttribute("notify", notify);
        model.addAttribute("recipientUserId", recipientUserId);
        model.addAttribute("users", accounts.users(partner.id()));
        return "partner/communication";
    }

    private Partner partner(Caller caller) {
        return accounts.find(caller.partnerId())
                .orElseThrow(() -> new NotFoundException("Partner " + caller.partnerId() + " not found"));
    }
}
