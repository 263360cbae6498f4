package com.dealbridge.shareddeal.notification;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends one notification e-mail through Spring Mail ({@code spring.mail.*}). The Message-ID is derived from the
 * notification, so in the rare case that a mail is sent twice (a crash between the SMTP answer and recording it)
 * mail clients can still tell it is the same message.
 */
public class Mailer {

    /** Also set on every mail, so an operator can find the event behind a mail. */
    public static final String NOTIFICATION_HEADER = "X-Dealbridge-Notification-Id";

    /** The system property Jakarta Mail's factory finder reads before it searches the classpath. */
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    /*
     * Jakarta Mail 2.1 finds its StreamProvider with a ServiceLoader wherever it builds or encodes a part (MimeUtility,
     * Multipart), which searches every jar of the classpath each time (jakartaee/mail-api#861): 13-15 % of the
     * notification consumers' CPU while both sides added notes (JFR, 2026-12-04). Its finder takes the class named
     * by this property first; a deployment that names another provider keeps it, and without Angus nothing changes.
     */
    static {
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null && angusOnClasspath()) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
        }
    }

    /*
     * Made once, not per mail: a new Session looks its providers up on the classpath, and Spring's helper parses
     * its mime.types table for every message it is not given one for. Per mail they were 40 % of the CPU of the
     * partner's notification consumer while the CRM added notes (async-profiler). The message's session only
     * holds its MIME settings; the sender sends over its own.
     */
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final FileTypeMap FILE_TYPES = new ConfigurableMimeFileTypeMap();

    private final JavaMailSender sender;
    private final String from;

    public Mailer(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    /**
     * @throws MailException when the SMTP server cannot be reached or refuses the mail
     */
    void send(String notificationId, NotificationDocument.Mail mail) {
        MimeMessage message = new StableIdMessage("<" + notificationId + "@dealbridge>");
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name()) {
                @Override
                protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                    return FILE_TYPES;
                }
            };
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            message.setHeader(NOTIFICATION_HEADER, notificationId);
        } catch (MessagingException e) {
            throw new MailPreparationException("cannot build the mail of notification " + notificationId, e);
        }
        sender.send(message);
    }

    private static boolean angusOnClasspath() {
        try {
            Class.forName(ANGUS_STREAM_PROVIDER, false, Mailer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Keeps the given Message-ID; JavaMail would otherwise make a random one on every save. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(String messageId) {
            super(SESSION);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
