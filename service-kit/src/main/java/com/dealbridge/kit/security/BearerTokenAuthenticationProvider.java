package com.dealbridge.kit.security;

import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Checks bearer tokens: the admin token (compared as digests), or a user token known to the service's
 * {@link CallerResolver}, remembered for {@code caller-cache-ttl} in the {@link CallerCache}.
 */
final class BearerTokenAuthenticationProvider implements AuthenticationProvider {

    private final byte[] adminTokenHash;
    private final ObjectProvider<CallerResolver> callerResolver;
    private final CallerCache callers;

    BearerTokenAuthenticationProvider(SecurityProperties properties, ObjectProvider<CallerResolver> callerResolver,
                                      CallerCache callers) {
        this.adminTokenHash = Tokens.sha256(properties.adminToken());
        // Resolved lazily: the resolver usually needs Mongo, which must not be created while the servlet
        // container registers its filters.
        this.callerResolver = callerResolver;
        this.callers = callers;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerToken) authentication).token();
        if (isAdminToken(token)) {
            return new CallerAuthentication(Caller.admin());
        }
        return resolve(token).map(CallerAuthentication::new)
                .orElseThrow(() -> new BadCredentialsException("Unknown, expired or revoked bearer token"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerToken.class.isAssignableFrom(authentication);
    }

    /** Compares digests, so the time taken reveals neither content nor length of the admin token. */
    boolean isAdminToken(String token) {
        return MessageDigest.isEqual(adminTokenHash, Tokens.sha256(token));
    }

    private Optional<Caller> resolve(String token) {
        String hash = Tokens.hash(token);
        Optional<Caller> known = callers.find(hash);
        if (known.isPresent()) {
            return known;
        }
        CallerResolver resolver = callerResolver.getIfAvailable();
        Optional<Caller> caller = resolver == null ? Optional.empty() : resolver.resolve(hash);
        caller.ifPresent(found -> callers.remember(hash, found));
        return caller;
    }
}
