package com.dealbridge.crm.registration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The program's expiry rules ({@code dealbridge.registration.*} on crm-service, which decides registration states).
 *
 * @param expiryDays     days a registration stays REGISTERED after it became so, unless the deal closes or a rep
 *                       extends it (default 90; {@code 0}: registrations never expire)
 * @param reminderBefore how long before its expiry the reminder goes out (default {@code 7d})
 * @param sweepInterval  how often each instance looks for expiry dates to set, reminders to send and registrations to
 *                       expire (default {@code 1m}); several instances may sweep at once
 */
@ConfigurationProperties("dealbridge.registration")
public record RegistrationExpiryProperties(Integer expiryDays, Duration reminderBefore, Duration sweepInterval) {

    public RegistrationExpiryProperties {
        expiryDays = expiryDays == null ? 90 : expiryDays;
        reminderBefore = reminderBefore == null ? Duration.ofDays(7) : reminderBefore;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
        if (expiryDays < 0) {
            throw new IllegalStateException("dealbridge.registration.expiry-days must be 0 (never) or more, was "
                    + expiryDays);
        }
        if (reminderBefore.isNegative()) {
            throw new IllegalStateException("dealbridge.registration.reminder-before must not be negative");
        }
    }

    public boolean expires() {
        return expiryDays > 0;
    }
}
