package com.dealbridge.shareddeal.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The notification e-mails' outcomes in the meter registry: {@code dealbridge_notifications_sent_total} per mail
 * the SMTP server accepted, {@code dealbridge_notifications_failed_total} per attempt that failed ({@code
 * permanent="true"}: refused for good, e.g. a rejected address; {@code "false"}: tried again, e.g. the server is
 * away), both by notification kind.
 */
public class MailMeters {

    private final MeterRegistry meters;

    public MailMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    void sent(String kind) {
        Counter.builder("dealbridge.notifications.sent").description("notification e-mails the SMTP server accepted")
                .tag("kind", kind).register(meters).increment();
    }

    void failed(String kind, boolean permanent) {
        Counter.builder("dealbridge.notifications.failed").description("notification e-mail attempts that failed")
                .tag("kind", kind).tag("permanent", Boolean.toString(permanent)).register(meters).increment();
    }
}
