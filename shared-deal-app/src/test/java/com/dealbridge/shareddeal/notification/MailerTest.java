package com.dealbridge.shareddeal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The mail as an SMTP server receives it (GreenMail), sent through Spring Mail as the services send it. */
class MailerTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());


    @Test
    void aMailSentAgainForTheSameNotificationKeepsItsMessageIdAndNamesTheNotification() throws Exception {
        Mailer mailer = mailer();
        mailer.send("n-1", NotificationDocument.Mail.pending("bea@partner.example", "A note", "Hello"));
        mailer.send("n-1", NotificationDocument.Mail.pending("bea@partner.example", "A note", "Hello"));
        mailer.send("n-2", NotificationDocument.Mail.pending("bea@partner.example", "Another note", "Hello"));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[0].getMessageID()).isEqualTo("<n-1@dealbridge>").isEqualTo(received[1].getMessageID());
        assertThat(received[2].getMessageID()).isEqualTo("<n-2@dealbridge>");
        assertThat(Arrays.stream(received).map(m -> header(m, Mailer.NOTIFICATION_HEADER)))
                .containsExactly("n-1", "n-1", "n-2");
    }

    @Test
    void aSubjectAndTextBeyondAsciiArriveAsWrittenFromTheConfiguredSender() throws Exception {
        Mailer mailer = mailer();
        mailer.send("n-3", NotificationDocument.Mail.pending("åsa@partner.example", "Ny anteckning: Åhléns räksmörgås",
                "Hej Åsa — 5 000 € för avtalet"));

        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Ny anteckning: Åhléns räksmörgås");
        assertThat(String.valueOf(mail.getContent()).strip()).isEqualTo("Hej Åsa — 5 000 € för avtalet");
        assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Dealbridge <noreply@vendor.example>");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("åsa@partner.example");
    }

    /** Without the property every part built or encoded searched the classpath for the provider (mail-api#861). */
    @Test
    void jakartaMailFindsItsStreamProviderByNameOnceTheMailerIsLoaded() throws Exception {
        mailer().send("n-4", NotificationDocument.Mail.pending("bea@partner.example", "Résumé", "Hello"));

        assertThat(System.getProperty(Mailer.STREAM_PROVIDER_PROPERTY))
                .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName())
                .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("Résumé");
    }

    private static Mailer mailer() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(SMTP.getSmtp().getPort());
        return new Mailer(sender, "Dealbridge <noreply@vendor.example>");
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
