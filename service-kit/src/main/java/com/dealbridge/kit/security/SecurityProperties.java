package com.dealbridge.kit.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dealbridge.security.*}.
 *
 * @param adminToken {@code dealbridge.security.admin-token}: the token that opens {@code /admin/**}.
 *                   No default: the application refuses to start when it is missing or blank, because
 *                   a guessable default admin token would be worse than no start.
 * @param callerCacheTtl {@code dealbridge.security.caller-cache-ttl} (default 2s): how long a resolved token's
 *                   caller is remembered, so that a busy client costs one store lookup per token and interval
 *                   rather than one per request; a change to a user (or its removal) is seen within it.
 *                   {@code 0} asks the store on every request. Unknown tokens are never remembered.
 * @param tokenTtl   {@code dealbridge.security.token-ttl} (default 90d): how long a user token issued by the admin
 *                   endpoints is valid; the admin issues a new one (which revokes the old) or revokes it earlier.
 */
@ConfigurationProperties("dealbridge.security")
public record SecurityProperties(String adminToken, @DefaultValue("2s") Duration callerCacheTtl,
                                 @DefaultValue("90d") Duration tokenTtl) {

    public SecurityProperties {
        if (adminToken == null || adminToken.isBlank()) {
            throw new IllegalArgumentException(
                    "dealbridge.security.admin-token must be set (e.g. from PARTNER_ADMIN_TOKEN / CRM_ADMIN_TOKEN)");
        }
        if (callerCacheTtl == null || callerCacheTtl.isNegative()) {
            throw new IllegalArgumentException("dealbridge.security.caller-cache-ttl must be zero or positive");
        }
        if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("dealbridge.security.token-ttl must be positive");
        }
    }

    @Override
    public String toString() {
        return "SecurityProperties[adminToken=***, callerCacheTtl=" + callerCacheTtl + ", tokenTtl=" + tokenTtl + "]";
    }
}
