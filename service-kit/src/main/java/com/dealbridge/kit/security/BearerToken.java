package com.dealbridge.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** A presented, not yet checked bearer token: what {@link BearerTokenAuthenticationProvider} checks. */
final class BearerToken extends AbstractAuthenticationToken {

    private static final String BEARER = "Bearer ";

    private final String token;

    private BearerToken(String token) {
        super(List.of());
        this.token = token;
    }

    String token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return null;
    }

    /** Reads {@code Authorization: Bearer <token>}; anything else counts as no token (answered 401 where needed). */
    static final AuthenticationConverter FROM_HEADER = BearerToken::from;

    static BearerToken from(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : new BearerToken(token);
    }
}
