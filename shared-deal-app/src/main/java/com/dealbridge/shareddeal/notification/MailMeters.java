package com.dealbridge.shareddeal.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;

/**
 * The notification e-mails' outcomes in the meter registry: {@code dealbridge_notifications_sent_total} per mail
 * the SMTP server accepted, {@code dealbridge_notifications_failed_total} per attempt that failed ({@code
 * permanent="true"}: refused for good, e.g. a rejected address; {@code "false"}: tried again, e.g. the server is
 * away), both by notification kind.
 */
public class MailMeters {

    private final MeterRegistry meters;

    /**
     * @param kinds registered at once, so a scrape shows every series (and an alert on a rate has one) before the
     *              first mail of a kind is sent or fails
     */
    public MailMeters(MeterRegistry meters, Collection<String> kinds) {
        this.meters = meters;
        for (String kind : kinds) {
            sentCounter(kind);
            failedCounter(kind, true);
            failedCounter(kind, false);
        }
    }

    void sent(String kind) {
        sentCounter(kind).increment();
    }

    void failed(String kind, boolean permanent) {
        failedCounter(kind, permanent).increment();
    }

    private Counter sentCounter(String kind) {
        return Counter.builder("dealbridge.notifications.sent").description("notification e-mails the SMTP server accepted")
                .tag("kind", kind).register(meters);
    }

    private Counter failedCounter(String kind, boolean permanent) {
        return Counter.builder("dealbridge.notifications.failed").description("notification e-mail attempts that failed")
                .tag("kind", kind).tag("permanent", Boolean.toString(permanent)).register(meters);
    }
}
