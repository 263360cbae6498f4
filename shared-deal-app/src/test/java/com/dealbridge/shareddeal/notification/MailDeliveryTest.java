package com.dealbridge.shareddeal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

class MailDeliveryTest {

    @Test
    void aMailThatCannotBeBuiltOrWhoseAddressIsRejectedFailsForGood() throws Exception {
        Address rejected = new InternetAddress("gone@partner.example");
        SendFailedException refused = new SendFailedException("550 no such user", null, new Address[0],
                new Address[0], new Address[] {rejected});

        assertThat(MailDelivery.permanent(new MailParseException("bad address"))).isTrue();
        assertThat(MailDelivery.permanent(new MailPreparationException("cannot build"))).isTrue();
        assertThat(MailDelivery.permanent(new MailSendException("refused", refused))).isTrue();
        assertThat(MailDelivery.permanent(new MailSendException("refused", null, Map.of("message", refused)))).isTrue();
    }

    @Test
    void anUnreachableOrUnwillingServerIsWorthRetrying() {
        MessagingException unreachable = new MessagingException("Couldn't connect", new ConnectException("refused"));

        assertThat(MailDelivery.permanent(new MailSendException("Mail server connection failed", unreachable))).isFalse();
        assertThat(MailDelivery.permanent(new MailAuthenticationException("535 try later"))).isFalse();
    }
}
