package com.dealbridge.kit.security;

import com.dealbridge.kit.web.UnauthorizedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The caller of the request being handled on this thread, for code that is not a controller.
 * Controllers should rather declare a {@code Caller caller} parameter.
 */
public final class CurrentCaller {

    /** Request attribute under which the filter stores the {@link Caller}. */
    public static final String ATTRIBUTE = Caller.class.getName();

    private CurrentCaller() {
    }

    /**
     * @return the caller of the current request
     * @throws UnauthorizedException when the request carries no authenticated caller (a public path)
     * @throws IllegalStateException when called outside a request
     */
    public static Caller get() {
        if (RequestContextHolder.getRequestAttributes() == null) {
            throw new IllegalStateException("No HTTP request is bound to this thread");
        }
        return find().orElseThrow(() -> new UnauthorizedException("This request has no authenticated caller"));
    }

    /** @return the caller of the current request; empty on public paths and outside requests */
    public static Optional<Caller> find() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((Caller) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    static Optional<Caller> from(HttpServletRequest request) {
        return Optional.ofNullable((Caller) request.getAttribute(ATTRIBUTE));
    }
}
