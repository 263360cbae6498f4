package com.dealbridge.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A page path nothing answers (a mistyped or stale link) goes to the error dispatch as a plain 404, so the person
 * sees the kit's error page; otherwise the API's advice would answer it with problem+json like an API path.
 */
final class PageNotFoundResolver implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        boolean notFound = ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException;
        if (!notFound || !ApiPaths.isPage(request.getRequestURI())) {
            return null;
        }
        try {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } catch (IOException e) {
            return null; // the response is gone; the other resolvers cannot do better
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        // after Boot's DefaultErrorAttributes (which only records the exception), before the API's advice
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
