package com.dealbridge.shareddeal.notification;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification: the in-app entry and, in {@link Mail}, the claim on its e-mail. The id is derived from the
 * event id and the recipient ({@link NotificationStore#idFor(String, String)}), so the primary key is the unique
 * index that makes "one notification, one e-mail per (event, recipient)" hold across redeliveries, restarts and
 * instances. The partner side has one recipient per event and keys by the event alone, so a redelivery after the
 * partner's recipient changed does not mail the new recipient as well. {@code partnerId} is the deal's partner on
 * both sides.
 */
@Document("notifications")
public record NotificationDocument(@Id String id, String eventId, String eventType, String kind, String partnerId,
        @Indexed String recipientUserId, String sharedDealId, String dealId, String title, String text, String link,
        String actorName, Instant occurredAt, Instant createdAt, boolean read, Instant readAt, Mail mail) {

    /**
     * The e-mail's state machine: NOT_WANTED (toggle off, or no address) and the end states SENT, CANCELLED (toggle
     * turned off before it went out) and FAILED (dead-lettered after the retries; a redelivery still sends it);
     * PENDING until sent. {@code leaseToken}/{@code leaseUntil} name the attempt that may send it now.
     */
    public record Mail(MailState state, String to, String subject, String body, int attempts, String leaseToken,
                Instant leaseUntil, Instant sentAt, String lastError) {

        public static Mail pending(String to, String subject, String body) {
            return new Mail(MailState.PENDING, to, subject, body, 0, null, null, null, null);
        }

        public static Mail notWanted() {
            return new Mail(MailState.NOT_WANTED, null, null, null, 0, null, null, null, null);
        }

        /** This e-mail given to one more attempt, which holds it until {@code until}. */
        Mail leasedTo(String token, Instant until) {
            return new Mail(state, to, subject, body, attempts + 1, token, until, sentAt, lastError);
        }
    }

    NotificationDocument withMail(Mail newMail) {
        return new NotificationDocument(id, eventId, eventType, kind, partnerId, recipientUserId, sharedDealId, dealId,
                title, text, link, actorName, occurredAt, createdAt, read, readAt, newMail);
    }

    public enum MailState {
        NOT_WANTED,
        PENDING,
        SENT,
        CANCELLED,
        FAILED;

        /** States in which the e-mail may still go out. */
        public boolean open() {
            return this == PENDING || this == FAILED;
        }
    }
}
