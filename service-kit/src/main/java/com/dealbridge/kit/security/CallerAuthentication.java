package com.dealbridge.kit.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated {@link Caller}, by bearer token or by a page sign-in. The admin has {@code ROLE_ADMIN} (which
 * actuator's {@code management.endpoint.health.roles=ADMIN} looks for), every user {@code ROLE_USER}.
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

    static final String ADMIN = "ADMIN";
    static final String USER = "USER";

    private final Caller caller;

    CallerAuthentication(Caller caller) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + (caller.isAdmin() ? ADMIN : USER))));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return caller.id();
    }
}
