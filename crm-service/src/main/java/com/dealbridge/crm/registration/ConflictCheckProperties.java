package com.dealbridge.crm.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The program's conflict checks decided on crm-service ({@code dealbridge.registration.*}).
 *
 * @param vendorDealsBlock whether a partner's registration on a domain the vendor already works in an open CRM deal
 *                         of its own is revoked to UNAVAILABLE when it arrives (default {@code true}; {@code false}:
 *                         such registrations stay REGISTERED, as before the check)
 */
@ConfigurationProperties("dealbridge.registration")
public record ConflictCheckProperties(Boolean vendorDealsBlock) {

    public ConflictCheckProperties {
        vendorDealsBlock = vendorDealsBlock == null || vendorDealsBlock;
    }
}
