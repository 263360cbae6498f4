package com.dealbridge.shareddeal.notification;

import java.time.Duration;
import java.util.Set;

/**
 * What the notification mechanism reads of a service's {@code dealbridge.notifications.*} settings; each service's
 * properties record implements it with its own defaults (group, dead-letter topic, links).
 */
public interface NotificationSettings {

    /** Sender of the e-mails. */
    String from();

    /** The notification consumer group, separate from the sync group. */
    String consumerGroup();

    /** Consumer threads of the notification group. */
    Integer concurrency();

    /** Where a notification that cannot be delivered ends, reason in headers. */
    String deadLetterTopic();

    /** Attempts after a failed send before the event is dead-lettered. */
    Integer retries();

    /** First pause after a failed send, doubled each time. */
    Duration initialBackoff();

    /** Longest pause between attempts. */
    Duration maxBackoff();

    /** How long one attempt owns a pending e-mail; must exceed the SMTP timeouts. */
    Duration sendLease();

    /** Events older than this are not notified. */
    Duration maxEventAge();

    /** The side's notification kinds, whose mail counters are shown from the start (at 0 until a mail is sent). */
    default Set<String> kinds() {
        return Set.of();
    }
}
