package com.dealbridge.shareddeal.registration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The partner program's registration rules ({@code dealbridge.registration.*}), the same on both services.
 *
 * @param allowDomainLess whether a deal without a company domain may be registered (default {@code true}, so
 *                        registrations from a contact without a company keep working; each such registration takes
 *                        a capacity slot of its own). {@code false}: refused with 422.
 * @param exclusiveDomains whether a domain is held by the first partner to register it: a later registration of
 *                        the domain by another partner is created UNAVAILABLE, taking no capacity. Default
 *                        {@code false}, so that partners registering the same customer keep the behaviour of
 *                        earlier versions (each registration REGISTERED); programs that protect the first partner
 *                        set it {@code true} on both services.
 * @param claimTimeout    how long a registration in progress holds its capacity slot before its deal exists
 *                        (default {@code 30s}); only a registration that crashed half-way waits that long to be
 *                        forgotten
 */
@ConfigurationProperties("dealbridge.registration")
public record RegistrationProperties(Boolean allowDomainLess, Boolean exclusiveDomains, Duration claimTimeout) {

    public RegistrationProperties {
        allowDomainLess = allowDomainLess == null || allowDomainLess;
        exclusiveDomains = exclusiveDomains != null && exclusiveDomains;
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(30) : claimTimeout;
        if (claimTimeout.isNegative() || claimTimeout.isZero()) {
            throw new IllegalStateException("dealbridge.registration.claim-timeout must be positive, was "
                    + claimTimeout);
        }
    }

    /** The defaults. */
    public static RegistrationProperties defaults() {
        return new RegistrationProperties(null, null, null);
    }
}
