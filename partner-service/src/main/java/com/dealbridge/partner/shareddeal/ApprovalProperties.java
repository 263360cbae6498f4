package com.dealbridge.partner.shareddeal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Whether the program requires a rep's approval of a partner's registration
 * ({@code dealbridge.registration.requires-approval}, default {@code false}): then a registration that would be
 * REGISTERED is created PENDING, holding its domain and slot until a rep approves or rejects it on crm-service.
 */
@ConfigurationProperties("dealbridge.registration")
record ApprovalProperties(Boolean requiresApproval) {

    ApprovalProperties {
        requiresApproval = requiresApproval != null && requiresApproval;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ApprovalProperties.class)
    static class Config {
    }
}
