package com.dealbridge.crm.shareddeal;

import com.dealbridge.crm.deal.CrmDealPage;
import com.dealbridge.crm.workspace.WorkspacePage;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.FieldError;
import com.dealbridge.kit.web.ProblemException;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.shareddeal.api.SharedDealCommands;
import com.dealbridge.shareddeal.api.SharedDealCommands.DealPatch;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.api.SharedDealView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deal page's edit forms for a shared deal: details (name, amount, close date), stage and compensation
 * eligibility. Each is a {@link SharedDealCommands#patch}, the service behind {@code PATCH /api/shared-deals/{id}},
 * so the sync policy refuses here exactly what it refuses there (the page shows its reason).
 */
@Controller
@Hidden // a page, not part of the API document
@WorkspacePage
class SharedDealEditPages {

    private final CrmDealPage page;
    private final SharedDealQueries queries;
    private final SharedDealCommands commands;

    SharedDealEditPages(CrmDealPage page, SharedDealQueries queries, SharedDealCommands commands) {
        this.page = page;
        this.queries = queries;
        this.commands = commands;
    }

    @PostMapping("/deals/{id}/details")
    String details(Caller caller, @PathVariable String id, @RequestParam(required = false) String dealName,
                   @RequestParam(required = false) String amount, @RequestParam(required = false) String closeDate,
                   Model model, HttpServletResponse response) {
        String sharedDealId = page.sharedDealId(id);
        SharedDealView current = queries.view(caller, sharedDealId);
        Map<String, String> draft = new HashMap<>();
        putIfPresent(draft, "dealName", dealName);
        putIfPresent(draft, "amount", amount);
        putIfPresent(draft, "closeDate", closeDate);
        List<FieldError> errors = new ArrayList<>();
        BigDecimal newAmount = parseAmount(amount, errors);
        LocalDate newCloseDate = parseDate(closeDate, errors);
        // a field the form left out (read-only under the policy) or did not change is not sent: null = unchanged
        String newName = dealName == null || dealName.strip().equals(current.dealName()) ? null : dealName;
        if (newAmount != null && current.amount() != null && newAmount.compareTo(new BigDecimal(current.amount())) == 0) {
            newAmount = null;
        }
        if (Objects.equals(newCloseDate, current.closeDate())) {
            newCloseDate = null;
        }
        DealPatch patch = new DealPatch(newName, newAmount, null, newCloseDate, null, null, null, null, null);
        return apply(caller, id, sharedDealId, "details", patch, errors, draft, model, response);
    }

    @PostMapping("/deals/{id}/stage")
    String stage(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String stage, Model model,
                 HttpServletResponse response) {
        String sharedDealId = page.sharedDealId(id);
        DealPatch patch = new DealPatch(null, null, null, null, stage.isBlank() ? null : stage, null, null, null, null);
        return apply(caller, id, sharedDealId, "stage", patch, List.of(), Map.of("stage", stage), model, response);
    }

    @PostMapping("/deals/{id}/compensation")
    String compensation(Caller caller, @PathVariable String id,
                        @RequestParam(defaultValue = "false") boolean partnerCompensationEligible, Model model,
                        HttpServletResponse response) {
        String sharedDealId = page.sharedDealId(id);
        DealPatch patch = new DealPatch(null, null, null, null, null, partnerCompensationEligible, null, null, null);
        return apply(caller, id, sharedDealId, "compensation", patch, List.of(), Map.of(), model, response);
    }

    private String apply(Caller caller, String id, String sharedDealId, String form, DealPatch patch,
                         List<FieldError> formErrors, Map<String, String> draft, Model model,
                         HttpServletResponse response) {
        try {
            if (!formErrors.isEmpty()) {
                throw new UnprocessableException("The change is invalid; see 'errors'", formErrors);
            }
            commands.patch(caller, sharedDealId, patch);
        } catch (ProblemException refused) {
            return page.refused(caller, id, form, refused, draft, response, model);
        }
        return "redirect:/deals/" + id;
    }

    private static BigDecimal parseAmount(String amount, List<FieldError> errors) {
        if (amount == null) {
            return null;
        }
        try {
            return new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError("amount", "must be a number such as 1500.00"));
            return null;
        }
    }

    private static LocalDate parseDate(String date, List<FieldError> errors) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("closeDate", "must be a date such as 2027-06-30"));
            return null;
        }
    }

    private static void putIfPresent(Map<String, String> draft, String field, String value) {
        if (value != null) {
            draft.put(field, value);
        }
    }
}
