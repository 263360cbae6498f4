package com.dealbridge.shareddeal.notification;

/**
 * The e-mail can never be sent as it is (a malformed or rejected address): retrying would only hold up the
 * notifications behind it, so the event goes to the dead-letter topic at once and the e-mail is marked FAILED.
 */
public class NotificationMailRefused extends NotificationMailFailed {

    public NotificationMailRefused(String notificationId, String message, Throwable cause) {
        super(notificationId, message, cause);
    }
}
