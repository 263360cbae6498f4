package com.dealbridge.crm.deal;

import com.dealbridge.crm.workspace.WorkspacePage;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.FieldError;
import com.dealbridge.kit.web.ProblemException;
import com.dealbridge.kit.web.UnprocessableException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deal page's form for a deal that is not shared: name, amount, close date, stage and owner, through
 * {@link CrmDealEdits}, the service of {@code PATCH /api/deals/{id}}; refusals next to their fields with what was
 * typed kept. (A shared deal's forms are {@code SharedDealEditPages}, on the shared deal.)
 */
@Controller
@Hidden // a page, not part of the API document
@WorkspacePage
class CrmDealEditPages {

    static final String FORM = "deal";

    private final CrmDealEdits edits;
    private final CrmDealPage page;

    CrmDealEditPages(CrmDealEdits edits, CrmDealPage page) {
        this.edits = edits;
        this.page = page;
    }

    @PostMapping("/deals/{id}/edit")
    String edit(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String name,
                @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String closeDate,
                @RequestParam(defaultValue = "") String stage, @RequestParam(defaultValue = "") String ownerId,
                Model model, HttpServletResponse response) {
        Map<String, String> draft = new HashMap<>(Map.of("name", name, "amount", amount, "closeDate", closeDate,
                "stage", stage, "ownerId", ownerId));
        List<FieldError> errors = new ArrayList<>();
        BigDecimal newAmount = parse("amount", amount, BigDecimal::new, errors);
        LocalDate newCloseDate = parse("closeDate", closeDate, LocalDate::parse, errors);
        CrmDealChange change = new CrmDealChange(name, newAmount, newCloseDate, stage.isBlank() ? null : stage,
                ownerId.isBlank() ? null : ownerId);
        try {
            // what the form could not read, and what the service refuses of the rest: all at once
            errors.addAll(edits.problems(change));
            if (!errors.isEmpty()) {
                throw new UnprocessableException("The change is invalid; see 'errors'", errors);
            }
            edits.update(id, change);
        } catch (ProblemException refused) {
            return page.refused(caller, id, FORM, refused, draft, response, model);
        }
        return "redirect:/deals/" + id;
    }

    private interface Parser<T> {
        T parse(String text);
    }

    /** A required value the form sends as text; an empty or unreadable one is that field's error. */
    private static <T> T parse(String field, String text, Parser<T> parser, List<FieldError> errors) {
        if (text.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
            return null;
        }
        try {
            return parser.parse(text.strip());
        } catch (NumberFormatException | DateTimeParseException e) {
            errors.add(new FieldError(field, "cannot be read"));
            return null;
        }
    }
}
