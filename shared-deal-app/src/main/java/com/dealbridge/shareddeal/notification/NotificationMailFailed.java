package com.dealbridge.shareddeal.notification;

/**
 * The e-mail of a notification could not be sent (now). Retryable: the listener's error handler tries again with
 * back-off, then dead-letters the event and marks the e-mail FAILED.
 */
public class NotificationMailFailed extends RuntimeException {

    private final String notificationId;

    public NotificationMailFailed(String notificationId, String message, Throwable cause) {
        super(message, cause);
        this.notificationId = notificationId;
    }

    public String notificationId() {
        return notificationId;
    }
}
