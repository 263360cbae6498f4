package com.dealbridge.partner.notification;

import com.dealbridge.contracts.Topics;
import com.dealbridge.shareddeal.notification.NotificationListener;
import com.dealbridge.shareddeal.notification.NotificationMechanism;
import com.dealbridge.shareddeal.wire.EventCodec;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The partner's notifications on the shared mechanism ({@link NotificationMechanism}: claim, lease, mail, own
 * consumer group with back-off and the dead-letter topic {@code partner.notifications.dlt}): the CRM's shared-deal
 * events, through {@link NotificationTriggers}, to the {@link Notifier}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
@Import(NotificationMechanism.class)
class NotificationKafkaConfiguration {

    @Bean
    NotificationListener notificationListener(EventCodec codec, NotificationProperties properties,
                                              NotificationTriggers triggers, Notifier notifier) {
        return new NotificationListener(codec, properties, List.of(Topics.CRM_SHARED_DEAL_EVENTS), event -> triggers
                .triggerFor(event).ifPresent(trigger -> notifier.notify(event.header(), event.type(), trigger)));
    }
}
