package com.dealbridge.partner.notification;

import com.dealbridge.contracts.Topics;
import com.dealbridge.shareddeal.notification.NotificationSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Notification settings ({@code dealbridge.notifications.*}); every default is usable as is.
 *
 * @param portalBaseUrl   base URL of the partner portal; mails link {@code <base>/deals/<dealId>} (default
 *                        {@code http://localhost:8081})
 * @param from            sender of the e-mails (default {@code dealbridge <notifications@dealbridge.local>})
 * @param consumerGroup   the notification consumer group on {@value Topics#CRM_SHARED_DEAL_EVENTS}, separate from
 *                        the sync group (default {@code partner-service.notifications})
 * @param concurrency     consumer threads of the notification group (default 1)
 * @param deadLetterTopic where a notification that cannot be delivered ends, reason in headers (default
 *                        {@value #DEFAULT_DEAD_LETTER_TOPIC}; kept apart from sync's dead letters)
 * @param retries         attempts after a failed send before the event is dead-lettered (default 8)
 * @param initialBackoff  first pause after a failed send, doubled each time (default 1s)
 * @param maxBackoff      longest pause between attempts (default 10s; with the defaults the SMTP server may be
 *                        away for about a minute before an event is dead-lettered)
 * @param sendLease       how long one attempt owns a pending e-mail; another attempt (another instance, or a
 *                        redelivery after a crash) may send it only after that; must exceed the SMTP timeouts
 *                        (default 20s)
 * @param maxEventAge     events older than this are not notified, so a new consumer group starting on a topic
 *                        with history does not flood the recipients (default 7 days)
 * @param dealSyncWait    how long a notification about a deal sync has not applied here yet waits for it, so the
 *                        mail names the deal (default 5s); the notification consumer may run ahead of sync
 */
@ConfigurationProperties("dealbridge.notifications")
public record NotificationProperties(String portalBaseUrl, String from, String consumerGroup, Integer concurrency,
                                     String deadLetterTopic, Integer retries, Duration initialBackoff,
                                     Duration maxBackoff, Duration sendLease, Duration maxEventAge,
                                     Duration dealSyncWait) implements NotificationSettings {

    public static final String DEFAULT_DEAD_LETTER_TOPIC = "partner.notifications.dlt";

    public NotificationProperties {
        portalBaseUrl = blank(portalBaseUrl) ? "http://localhost:8081" : stripTrailingSlash(portalBaseUrl.trim());
        from = blank(from) ? "dealbridge <notifications@dealbridge.local>" : from;
        consumerGroup = blank(consumerGroup) ? "partner-service.notifications" : consumerGroup;
        concurrency = concurrency == null ? 1 : concurrency;
        deadLetterTopic = blank(deadLetterTopic) ? DEFAULT_DEAD_LETTER_TOPIC : deadLetterTopic;
        retries = retries == null ? 8 : retries;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(10) : maxBackoff;
        sendLease = sendLease == null ? Duration.ofSeconds(20) : sendLease;
        maxEventAge = maxEventAge == null ? Duration.ofDays(7) : maxEventAge;
        dealSyncWait = dealSyncWait == null ? Duration.ofSeconds(5) : dealSyncWait;
        if (concurrency < 1 || retries < 0 || initialBackoff.isNegative() || maxBackoff.isNegative()
                || sendLease.isNegative() || sendLease.isZero() || maxEventAge.isNegative()) {
            throw new IllegalStateException("dealbridge.notifications: concurrency must be >= 1, retries >= 0, "
                    + "durations positive");
        }
    }

    /** For code that needs the defaults without binding. */
    static NotificationProperties defaults() {
        return new NotificationProperties(null, null, null, null, null, null, null, null, null, null, null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public java.util.Set<String> kinds() {
        return java.util.Arrays.stream(NotificationKind.values()).map(Enum::name)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
