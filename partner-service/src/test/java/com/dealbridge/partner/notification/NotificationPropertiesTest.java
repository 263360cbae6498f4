package com.dealbridge.partner.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotificationPropertiesTest {

    @Test
    void defaultsKeepNotificationsApartFromSync() {
        NotificationProperties defaults = NotificationProperties.defaults();

        assertThat(defaults.consumerGroup()).isEqualTo("partner-service.notifications");
        assertThat(defaults.deadLetterTopic()).isEqualTo("partner.notifications.dlt");
        assertThat(defaults.portalBaseUrl()).isEqualTo("http://localhost:8081");
        assertThat(defaults.sendLease()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void dropsATrailingSlashOfThePortalUrl() {
        assertThat(new NotificationProperties("https://portal.example/", null, null, null, null, null, null, null,
                null, null, null).portalBaseUrl()).isEqualTo("https://portal.example");
    }

    @Test
    void refusesAZeroLease() {
        assertThatThrownBy(() -> new NotificationProperties(null, null, null, null, null, null, null, null,
                Duration.ZERO, null, null)).isInstanceOf(IllegalStateException.class);
    }
}
