package com.dealbridge.crm.workspace;

import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.ProblemException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the workspace's pages fail with, as the kit's error page ({@code kit/error}, the one the error dispatch shows
 * for unknown paths and CSRF refusals) with the API's status: a refusal with its reason (a deal of no one's, an
 * action the rules refuse), Spring's own refusals (a missing parameter, a wrong method) with their status, anything
 * else a 500 that is logged. The API's controllers keep answering problem+json.
 */
@ControllerAdvice(annotations = WorkspacePage.class)
class WorkspacePageErrors {

    private static final Logger log = LoggerFactory.getLogger(WorkspacePageErrors.class);
    static final String ERROR_PAGE = "kit/error";

    @ExceptionHandler(ProblemException.class)
    ModelAndView refused(ProblemException e) {
        log.debug("page request refused: {}", e.detail());
        // "Deal x not found" says nothing a person needs: the 404 page says it in their language
        return page(HttpStatus.valueOf(e.status()), e instanceof NotFoundException ? null : e.detail());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e) {
        if (e instanceof ErrorResponse framework) {
            return page(HttpStatus.valueOf(framework.getStatusCode().value()), null);
        }
        log.error("A workspace page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, null);
    }

    private static ModelAndView page(HttpStatus status, String detail) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.value());
        model.put("detail", detail);
        return new ModelAndView(ERROR_PAGE, model, status);
    }
}
