package com.dealbridge.kit.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dealbridge.security.sign-in.*}: the pages' sign-in (used only by a service with {@link PasswordAccounts}).
 *
 * @param baseUrl        {@code base-url}: the absolute URL users reach this service at, for invitation links (e.g.
 *                       {@code https://partners.example.com}); blank: taken from the admin's request
 * @param invitationTtl  {@code invitation-ttl} (default 7d): how long an invitation link can set a password
 * @param maxFailures    {@code max-failures} (default 5): failed sign-ins in a row that lock the address
 * @param lockout        {@code lockout} (default 15m): how long a locked address is refused, even with the right
 *                       password; the count is kept in the store, so it holds across instances
 * @param minPasswordLength {@code min-password-length} (default 12)
 */
@ConfigurationProperties("dealbridge.security.sign-in")
public record SignInProperties(String baseUrl, @DefaultValue("7d") Duration invitationTtl,
                               @DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockout,
                               @DefaultValue("12") int minPasswordLength) {

    /** Longer passwords only cost hashing time (bcrypt reads 72 bytes); a bound keeps requests small. */
    public static final int MAX_PASSWORD_LENGTH = 128;

    public SignInProperties {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("dealbridge.security.sign-in.max-failures must be at least 1");
        }
        if (minPasswordLength < 8 || minPasswordLength > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("dealbridge.security.sign-in.min-password-length must be 8 to 128");
        }
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", "");
    }
}
