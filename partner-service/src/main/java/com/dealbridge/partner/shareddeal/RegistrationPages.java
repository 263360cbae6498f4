package com.dealbridge.partner.shareddeal;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.ConflictException;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.partner.account.PartnerAccounts;
import com.dealbridge.partner.directory.Contact;
import com.dealbridge.partner.directory.Directory;
import com.dealbridge.partner.pages.PortalPage;
import com.dealbridge.shareddeal.store.SharedDeals;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Contacts and "Create shared deal" from a contact's record: the Shared deal card's {@code + Add} opens the panel,
 * deal details → Next → the three qualifying fields → Create shared deal. Each step is checked by the
 * {@link RegistrationRequest}'s own constraints (the API's), then {@link SharedDealRegistrations} decides, as for the
 * API; refusals are shown next to their fields. At capacity the panel says so before anything is typed.
 */
@Controller
@Hidden // a page, not part of the API document
@PortalPage
class RegistrationPages {

    /** The fields of the first step; the second holds the qualifying ones. */
    static final Set<String> DETAILS = Set.of("dealName", "amount", "currency", "closeDate");

    /** What the form sends: text as typed, so a malformed amount or date is shown next to its field. */
    record RegistrationForm(String dealName, String amount, String currency, String closeDate, String introNote,
                            String painOrOpportunity, String nextSteps) {
    }

    private final Directory directory;
    private final PartnerAccounts accounts;
    private final SharedDeals sharedDeals;
    private final SharedDealRegistrations registrations;
    private final Validator validator;

    RegistrationPages(Directory directory, PartnerAccounts accounts, SharedDeals sharedDeals,
                      SharedDealRegistrations registrations, Validator validator) {
        this.directory = directory;
        this.accounts = accounts;
        this.sharedDeals = sharedDeals;
        this.registrations = registrations;
        this.validator = validator;
    }

    @GetMapping("/contacts")
    String contacts(Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        var found = directory.contacts(caller.partnerId(), Paging.of(Math.max(page, 0), 50));
        model.addAttribute("contacts", found.items());
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("hasNext", (long) (Math.max(page, 0) + 1) * 50 < found.total());
        return "partner/contacts";
    }

    @GetMapping("/contacts/{contactId}")
    String contact(Caller caller, @PathVariable String contactId, Model model) {
        model.addAttribute("contact", contact(caller, contactId));
        return "partner/contact";
    }

    @GetMapping("/contacts/{contactId}/shared-deal")
    String panel(Caller caller, @PathVariable String contactId, Model model) {
        model.addAttribute("contact", contact(caller, contactId));
        model.addAttribute("form", new RegistrationForm("", "", "USD", "", "", "", ""));
        model.addAttribute("step", "details");
        model.addAttribute("errors", Map.of());
        capacity(caller, model);
        return "partner/registration";
    }

    /** {@code step=details}: checks the first step and shows the second; {@code step=qualify}: registers. */
    @PostMapping("/contacts/{contactId}/shared-deal")
    String submit(Caller caller, @PathVariable String contactId, @RequestParam(defaultValue = "details") String step,
                  @ModelAttribute RegistrationForm form, Model model, HttpServletResponse response) {
        Contact contact = contact(caller, contactId);
        model.addAttribute("contact", contact);
        model.addAttribute("form", form);
        Map<String, String> errors = new LinkedHashMap<>();
        RegistrationRequest request = request(contactId, form, errors);
        boolean details = !"qualify".equals(step);
        errors.entrySet().removeIf(error -> details && !DETAILS.contains(error.getKey()));
        if (!errors.isEmpty() || details) {
            boolean detailsWrong = errors.keySet().stream().anyMatch(DETAILS::contains);
            model.addAttribute("step", detailsWrong || (details && !errors.isEmpty()) ? "details" : "qualify");
            model.addAttribute("errors", errors);
            if (!errors.isEmpty()) {
                response.setStatus(422);
            }
            capacity(caller, model);
            return "partner/registration";
        }
        try {
            return "redirect:/shared-deals/" + registrations.register(caller, request).id();
        } catch (UnprocessableException refused) {
            refused.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
            if (errors.isEmpty()) {
                errors.put("form", refused.detail());
            }
        } catch (ConflictException refused) {
            errors.put("form", refused.detail());
        }
        response.setStatus(errors.containsKey("form") ? 409 : 422);
        model.addAttribute("step", errors.keySet().stream().anyMatch(DETAILS::contains) ? "details" : "qualify");
        model.addAttribute("errors", errors);
        capacity(caller, model);
        return "partner/registration";
    }

    private Contact contact(Caller caller, String contactId) {
        return directory.contact(caller.partnerId(), contactId)
                .orElseThrow(() -> new NotFoundException("Contact " + contactId + " not found"));
    }

    private void capacity(Caller caller, Model model) {
        int limit = accounts.find(caller.partnerId()).map(partner -> partner.capacityLimit()).orElse(0);
        long used = sharedDeals.countActive(caller.partnerId());
        model.addAttribute("capacityLimit", limit);
        model.addAttribute("capacityUsed", used);
        model.addAttribute("atCapacity", used >= limit);
    }

    /** The API's request from what was typed; malformed or constraint-breaking fields go to {@code errors}. */
    private RegistrationRequest request(String contactId, RegistrationForm form, Map<String, String> errors) {
        BigDecimal amount = null;
        if (form.amount() == null || form.amount().isBlank()) {
            errors.put("amount", "blank");
        } else {
            try {
                amount = new BigDecimal(form.amount().strip());
            } catch (NumberFormatException e) {
                errors.put("amount", "number");
            }
        }
        LocalDate closeDate = null;
        if (form.closeDate() == null || form.closeDate().isBlank()) {
            errors.put("closeDate", "blank");
        } else {
            try {
                closeDate = LocalDate.parse(form.closeDate().strip());
            } catch (DateTimeParseException e) {
                errors.put("closeDate", "date");
            }
        }
        String currency = form.currency() == null || form.currency().isBlank() ? null : form.currency().strip();
        RegistrationRequest request = new RegistrationRequest(RegistrationRequest.SourceType.CONTACT, contactId,
                strip(form.dealName()), amount, currency, closeDate, strip(form.introNote()),
                strip(form.painOrOpportunity()), strip(form.nextSteps()), List.of());
        for (ConstraintViolation<RegistrationRequest> violation : validator.validate(request)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return request;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
