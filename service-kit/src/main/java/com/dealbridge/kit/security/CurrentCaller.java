package com.dealbridge.kit.security;

import com.dealbridge.kit.web.UnauthorizedException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The caller of the request being handled on this thread, for code that is not a controller.
 * Controllers should rather declare a {@code Caller caller} parameter.
 */
public final class CurrentCaller {

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
        // Spring Security's context holds who was authenticated: by bearer token (API) or by sign-in (pages).
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }
}
