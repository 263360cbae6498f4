package com.dealbridge.kit.security;

import java.util.Optional;

/**
 * Implemented by each service (as a Spring bean): finds the user a token was issued to.
 * It receives only the token's hash ({@link Tokens#hash(String)}), so services store nothing else.
 * Called once per {@code /api/**} request, so it should be a single indexed lookup.
 * Without such a bean every {@code /api/**} request answers 401.
 */
@FunctionalInterface
public interface CallerResolver {

    /**
     * @param tokenHash SHA-256 hex of the presented bearer token
     * @return the caller, or empty when the token is unknown (answered with 401)
     */
    Optional<Caller> resolve(String tokenHash);
}
