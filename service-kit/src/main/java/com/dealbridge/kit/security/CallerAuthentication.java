package com.dealbridge.kit.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated {@link Caller}, by bearer token or by a page sign-in. The admin has {@code ROLE_ADMIN} (which
 * actuator's {@code management.endpoint.health.roles=ADMIN} looks for), every user {@code ROLE_USER}; a page
 * sign-in may add the account's own authorities ({@link PasswordAccounts.PasswordAccount#authorities()}).
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

    static final String ADMIN = "ADMIN";
    static final String USER = "USER";

    private final Caller caller;

    CallerAuthentication(Caller caller) {
        this(caller, List.of());
    }

    CallerAuthentication(Caller caller, Collection<String> extraAuthorities) {
        super(authorities(caller, extraAuthorities));
        this.caller = caller;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(Caller caller, Collection<String> extra) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + (caller.isAdmin() ? ADMIN : USER)));
        extra.stream().map(SimpleGrantedAuthority::new).forEach(authorities::add);
        return authorities;
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
