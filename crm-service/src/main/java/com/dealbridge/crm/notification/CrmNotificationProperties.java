package com.dealbridge.crm.notification;

import com.dealbridge.contracts.Topics;
import com.dealbridge.shareddeal.notification.NotificationSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The CRM side's notification settings ({@code dealbridge.notifications.*}); the same knobs as partner-service's,
 * with the CRM's own group, dead-letter topic and workspace address as defaults.
 *
 * @param crmBaseUrl      base URL of the CRM workspace; mails link {@code <base>/deals/<crmDealId>} (default
 *                        {@code http://localhost:8082})
 * @param from            sender of the e-mails (default {@code dealbridge <notifications@dealbridge.local>})
 * @param consumerGroup   the notification consumer group on {@value Topics#PARTNER_SHARED_DEAL_EVENTS} (and this
 *                        side's assignments on {@value Topics#CRM_SHARED_DEAL_EVENTS}), separate from sync (default
 *                        {@code crm-service.notifications})
 * @param concurrency     its consumer threads (default 1)
 * @param deadLetterTopic where a notification that cannot be delivered ends (default
 *                        {@value #DEFAULT_DEAD_LETTER_TOPIC})
 * @param retries         attempts after a failed send before the event is dead-lettered (default 8)
 * @param initialBackoff  first pause after a failed send, doubled each time (default 1s)
 * @param maxBackoff      longest pause between attempts (default 10s)
 * @param sendLease       how long one attempt owns a pending e-mail; must exceed the SMTP timeouts (default 20s)
 * @param maxEventAge     events older than this are not notified (default 7 days)
 */
@ConfigurationProperties("dealbridge.notifications")
public record CrmNotificationProperties(String crmBaseUrl, String from, String consumerGroup, Integer concurrency,
                                        String deadLetterTopic, Integer retries, Duration initialBackoff,
                                        Duration maxBackoff, Duration sendLease, Duration maxEventAge)
        implements NotificationSettings {

    public static final String DEFAULT_DEAD_LETTER_TOPIC = "crm.notifications.dlt";

    public CrmNotificationProperties {
        crmBaseUrl = orElse(crmBaseUrl, "http://localhost:8082").trim().replaceAll("/+$", "");
        from = orElse(from, "dealbridge <notifications@dealbridge.local>");
        consumerGroup = orElse(consumerGroup, "crm-service.notifications");
        deadLetterTopic = orElse(deadLetterTopic, DEFAULT_DEAD_LETTER_TOPIC);
        concurrency = concurrency == null ? Integer.valueOf(1) : concurrency;
        retries = retries == null ? Integer.valueOf(8) : retries;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(10) : maxBackoff;
        sendLease = sendLease == null ? Duration.ofSeconds(20) : sendLease;
        maxEventAge = maxEventAge == null ? Duration.ofDays(7) : maxEventAge;
        if (concurrency < 1 || retries < 0 || initialBackoff.isNegative() || maxBackoff.isNegative()
                || sendLease.isNegative() || sendLease.isZero() || maxEventAge.isNegative()) {
            throw new IllegalStateException("dealbridge.notifications: concurrency must be >= 1, retries >= 0, "
                    + "durations positive");
        }
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public java.util.Set<String> kinds() {
        return java.util.Arrays.stream(CrmNotificationKind.values()).map(Enum::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
