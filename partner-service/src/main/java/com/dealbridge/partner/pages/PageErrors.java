package com.dealbridge.partner.pages;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.security.CurrentCaller;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * For the portal's pages: who is signed in (for the header), and refusals as pages with the API's status codes
 * (a deal of another partner is "not found", exactly as in the API).
 */
@ControllerAdvice(annotations = PortalPage.class)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ModelAttribute("me")
    Caller me() {
        return CurrentCaller.find().orElse(null);
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("me", me());
        return "partner/not-found";
    }

    @ExceptionHandler(ProblemException.class)
    String refused(ProblemException e, HttpServletResponse response, Model model) {
        log.debug("page request refused: {}", e.detail());
        response.setStatus(e.status());
        model.addAttribute("me", me());
        model.addAttribute("status", e.status());
        model.addAttribute("detail", e.detail());
        return "partner/refused";
    }
}
