package com.dealbridge.shareddeal.notification;

import jakarta.mail.SendFailedException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Sends the e-mail of a claimed notification at most once per successful send: the e-mail is leased to one
 * attempt (conditional update), sent, and marked SENT afterwards; a failed attempt gives the lease back and throws,
 * so the listener's error handler retries with back-off. A crash between the SMTP server's answer and marking SENT
 * sends it again (at-least-once at the SMTP boundary, which no SMTP client can avoid).
 */
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final NotificationStore store;
    private final Mailer mailer;
    private final MailMeters meters;
    private final Duration sendLease;

    public MailDelivery(NotificationStore store, Mailer mailer, MailMeters meters, Duration sendLease) {
        this.store = store;
        this.mailer = mailer;
        this.meters = meters;
        this.sendLease = sendLease;
    }

    /**
     * Claims a notification the caller has just built, and sends its e-mail if it is pending. When this call makes
     * the claim, the e-mail is leased to it in the same write and sent without asking {@code stillWanted}: the
     * caller decided moments ago that it is wanted (toggle, recipient), and one insert replaces the claim, the
     * lease and that second read (seven store commands per mail became four). A notification claimed before — a
     * redelivery, another instance — is delivered as stored, through {@link #deliver}.
     *
     * @throws NotificationMailFailed the e-mail could not be sent now (retry later)
     * @throws NotificationMailRefused the e-mail can never be sent as it is
     */
    public void claimAndDeliver(NotificationDocument fresh, Predicate<NotificationDocument> stillWanted) {
        if (fresh.mail().state() != NotificationDocument.MailState.PENDING) {
            deliver(store.claim(fresh), stillWanted);
            return;
        }
        String token = UUID.randomUUID().toString();
        NotificationDocument leased = fresh.withMail(
                fresh.mail().leasedTo(token, NotificationStore.now().plus(sendLease)));
        if (!store.claimNew(leased)) {
            store.find(fresh.id()).ifPresent(claimed -> deliver(claimed, stillWanted));
            return;
        }
        send(leased, token);
    }

    /**
     * Sends the notification's e-mail if it is still open. {@code stillWanted} is asked before every attempt (the
     * partner's toggle, the rep still active): when it says no, the e-mail is cancelled instead.
     *
     * @throws NotificationMailFailed the e-mail could not be sent now (retry later)
     * @throws NotificationMailRefused the e-mail can never be sent as it is
     */
    public void deliver(NotificationDocument notification, Predicate<NotificationDocument> stillWanted) {
        if (!notification.mail().state().open()) {
            return;
        }
        if (!stillWanted.test(notification)) {
            store.cancel(notification.id());
            return;
        }
        String token = UUID.randomUUID().toString();
        Optional<NotificationDocument> leased = store.lease(notification.id(), token, sendLease);
        if (leased.isEmpty()) {
            boolean stillOpen = store.find(notification.id()).map(n -> n.mail().state().open()).orElse(false);
            if (stillOpen) {
                throw new NotificationMailFailed(notification.id(), "the e-mail of notification "
                        + notification.id() + " is being sent by another attempt; trying again later", null);
            }
            return;
        }
        send(leased.get(), token);
    }

    /** Sends the e-mail this attempt holds the lease of, then marks it SENT; a failure gives the lease back. */
    private void send(NotificationDocument notification, String token) {
        NotificationDocument.Mail mail = notification.mail();
        try {
            mailer.send(notification.id(), mail);
        } catch (MailException e) {
            store.release(notification.id(), token, String.valueOf(e.getMessage()));
            log.warn("e-mail of notification {} to {} not sent (attempt {}): {}", notification.id(), mail.to(),
                    mail.attempts(), e.getMessage());
            String reason = "sending the e-mail of notification " + notification.id() + " to " + mail.to()
                    + " failed: " + e.getMessage();
            boolean permanent = permanent(e);
            meters.failed(notification.kind(), permanent);
            throw permanent ? new NotificationMailRefused(notification.id(), reason, e)
                    : new NotificationMailFailed(notification.id(), reason, e);
        }
        meters.sent(notification.kind());
        store.markSent(notification.id(), token);
        log.info("mailed notification {} ({}) to {}", notification.id(), notification.kind(), mail.to());
    }

    /** A mail that cannot be built, or whose address the server rejects, fails the same way every time. */
    public static boolean permanent(MailException failure) {
        if (failure instanceof MailPreparationException || failure instanceof MailParseException) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (rejectsAnAddress(cause)) {
                return true;
            }
            if (cause instanceof MailSendException send) {
                for (Exception each : send.getFailedMessages().values()) {
                    if (rejectsAnAddress(each)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean rejectsAnAddress(Throwable failure) {
        return failure instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                && sendFailed.getInvalidAddresses().length > 0;
    }
}
