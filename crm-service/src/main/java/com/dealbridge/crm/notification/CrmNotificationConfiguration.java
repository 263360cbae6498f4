package com.dealbridge.crm.notification;

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
 * The deal team's notifications on the shared mechanism ({@link NotificationMechanism}: own group
 * {@code crm-service.notifications}, back-off, dead-letter topic {@code crm.notifications.dlt}). The group reads the
 * partner's events for the partner's activity and this side's own for assignments, next to sync.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CrmNotificationProperties.class)
@Import(NotificationMechanism.class)
class CrmNotificationConfiguration {

    @Bean
    NotificationListener crmNotificationListener(EventCodec codec, CrmNotificationProperties properties,
                                                 CrmNotificationTriggers triggers, CrmNotifier notifier) {
        List<String> topics = List.of(Topics.PARTNER_SHARED_DEAL_EVENTS, Topics.CRM_SHARED_DEAL_EVENTS);
        return new NotificationListener(codec, properties, topics, event -> triggers.triggerFor(event)
                .ifPresent(trigger -> notifier.notify(event.header(), event.type(), trigger)));
    }
}
