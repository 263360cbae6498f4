package com.dealbridge.kit.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/**
 * Replaces Boot's {@code BasicErrorController} so that errors raised outside Spring MVC's handlers (a filter
 * throwing, {@code response.sendError}, the container refusing a request) are also answered as
 * {@code application/problem+json} rather than Boot's JSON or the whitelabel page. Not an operation of the API:
 * hidden from the OpenAPI document.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);
    /** The friendly page for people (template of the kit), with the status and its message. */
    static final String ERROR_PAGE = "kit/error";

    private final ObjectProvider<PagePaths> pagePaths;

    ProblemErrorController(ObjectProvider<PagePaths> pagePaths) {
        this.pagePaths = pagePaths;
    }

    /**
     * A browser's request (it accepts HTML) that failed on one of the service's pages (unknown path, CSRF refusal,
     * an unexpected error): the kit's error page with the same status. On the API's paths, or in a service without
     * pages, the problem+json body as always.
     */
    @RequestMapping(path = "${server.error.path:${error.path:/error}}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView errorPage(HttpServletRequest request) {
        ResponseEntity<ProblemDetail> problem = error(request);
        HttpStatus status = HttpStatus.valueOf(problem.getStatusCode().value());
        PagePaths pages = pagePaths.getIfAvailable();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (pages != null && uri instanceof String path && pages.isPage(path)) {
            return new ModelAndView(ERROR_PAGE, Map.of("status", status.value()), status);
        }
        // produces=text/html picked this method, but an API path answers as the API does
        ProblemDetail body = problem.getBody();
        return new ModelAndView((model, req, response) -> ProblemBodies.write(response, status.value(),
                body.getTitle(), body.getDetail(), body.getInstance() == null ? null : body.getInstance().toString()));
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String detail;
        if (status.is5xxServerError()) {
            if (exception != null) {
                log.error("Unexpected error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), exception);
            }
            detail = "An unexpected error occurred; it has been logged";
        } else {
            Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            detail = message instanceof String text && !text.isBlank() ? text : status.getReasonPhrase();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // The container let through a path that is not a valid URI; the problem is useful without it.
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null && status.isError()) {
                return status;
            }
        }
        // Reached directly (GET /error) or with a non-error status: nothing more specific to say.
        return code == null ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
