package com.dealbridge.crm.rep;

import com.dealbridge.crm.workspace.FormErrors;
import com.dealbridge.crm.workspace.WorkspaceAdminPage;
import com.dealbridge.crm.workspace.WorkspacePage;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.ConflictException;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * *Sales reps* for the workspace's admins ({@code /settings/sales-reps}): the reps and a form that adds one through
 * {@link NewReps}, what {@code POST /admin/sales-reps} does, checked by the API request's own constraints first.
 * The new rep's invitation link is shown once, on the page the form redirects to (a flash attribute: a reload no
 * longer has it); the rep's API token is not shown, the pages do not need it.
 */
@Controller
@Hidden // a page, not part of the API document
@WorkspacePage
@WorkspaceAdminPage
class SalesRepPages {

    static final String PATH = "/settings/sales-reps";
    static final int PAGE_SIZE = 50;

    /** What the page shows once after a rep was added. */
    record Invited(String name, String email, boolean admin, String invitationUrl) {
    }

    private final SalesReps reps;
    private final NewReps newReps;
    private final Validator validator;

    SalesRepPages(SalesReps reps, NewReps newReps, Validator validator) {
        this.reps = reps;
        this.newReps = newReps;
        this.validator = validator;
    }

    @GetMapping(PATH)
    String list(Caller caller, @RequestParam(required = false) Integer page, Model model) {
        return page(caller, page, new NewReps.NewRepRequest("", "", false), Map.of(), model);
    }

    @PostMapping(PATH)
    String create(Caller caller, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "false") boolean admin, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        NewReps.NewRepRequest request = new NewReps.NewRepRequest(name, email, admin);
        Map<String, String> errors = FormErrors.of(validator.validate(request));
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return page(caller, 0, request, errors, model);
        }
        try {
            NewReps.Enrolled enrolled = newReps.enrol(request);
            SalesRep rep = enrolled.issued().rep();
            redirect.addFlashAttribute("invited", new Invited(rep.name(), rep.email(), rep.admin(),
                    enrolled.invitation().url()));
            return "redirect:" + PATH;
        } catch (ConflictException taken) {
            response.setStatus(taken.status());
            return page(caller, 0, request, Map.of("email", "taken"), model);
        }
    }

    private String page(Caller caller, Integer page, NewReps.NewRepRequest form, Map<String, String> errors,
                        Model model) {
        Paging paging = Paging.of(page == null ? 0 : Math.max(page, 0), PAGE_SIZE);
        ListResponse<SalesRep> found = reps.page(paging);
        model.addAttribute("me", caller);
        model.addAttribute("rows", found.items());
        model.addAttribute("page", paging.page());
        model.addAttribute("total", found.total());
        model.addAttribute("hasNext", (long) paging.offset() + found.items().size() < found.total());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "crm/sales-reps";
    }
}
