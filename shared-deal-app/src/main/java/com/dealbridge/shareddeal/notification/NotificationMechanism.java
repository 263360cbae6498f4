package com.dealbridge.shareddeal.notification;

import com.dealbridge.sync.config.SyncProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The side-independent notification beans. A service imports this next to its own {@link NotificationSettings}
 * bean (its {@code dealbridge.notifications.*} record), triggers, listener and container factory
 * ({@link NotificationConsumers}).
 */
@Configuration(proxyBeanMethods = false)
public class NotificationMechanism {

    @Bean
    NotificationStore notificationStore(MongoOperations mongo) {
        return new NotificationStore(mongo);
    }

    @Bean
    MailMeters mailMeters(MeterRegistry meters) {
        return new MailMeters(meters);
    }

    @Bean
    Mailer notificationMailer(JavaMailSender sender, NotificationSettings settings) {
        return new Mailer(sender, settings.from());
    }

    @Bean
    MailDelivery mailDelivery(NotificationStore store, Mailer mailer, MailMeters meters,
                              NotificationSettings settings) {
        return new MailDelivery(store, mailer, meters, settings.sendLease());
    }

    /** The notifications' dead-letter topic, kept forever: an operator reads why a mail never went out. */
    @Bean
    KafkaAdmin.NewTopics notificationTopics(NotificationSettings settings, SyncProperties sync) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(settings.deadLetterTopic())
                .partitions(sync.topics().partitions()).replicas(sync.topics().replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build());
    }
}
