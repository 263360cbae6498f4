package com.dealbridge.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dealbridge.security.*}.
 *
 * @param adminToken {@code dealbridge.security.admin-token}: the token that opens {@code /admin/**}.
 *                   No default: the application refuses to start when it is missing or blank, because
 *                   a guessable default admin token would be worse than no start.
 */
@ConfigurationProperties("dealbridge.security")
public record SecurityProperties(String adminToken) {

    public SecurityProperties {
        if (adminToken == null || adminToken.isBlank()) {
            throw new IllegalArgumentException(
                    "dealbridge.security.admin-token must be set (e.g. from PARTNER_ADMIN_TOKEN / CRM_ADMIN_TOKEN)");
        }
    }

    @Override
    public String toString() {
        return "SecurityProperties[adminToken=***]";
    }
}
