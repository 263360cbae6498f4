package com.dealbridge.shareddeal.notification;

import com.dealbridge.contracts.serde.AvroDeserializer;
import com.dealbridge.shareddeal.config.DeadLetterProducer;
import com.dealbridge.sync.config.SyncProperties;
import com.dealbridge.sync.metrics.KafkaClientMeters;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The side-independent notification beans, including the consumer's container factory. A service imports this
 * next to its own {@link NotificationSettings} bean (its {@code dealbridge.notifications.*} record), its triggers
 * and one {@link NotificationListener} bean naming its topics.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationMechanism {

    public static final String CONTAINER_FACTORY = "notificationListenerContainerFactory";

    /** Decodes every released schema version, as the sync consumer does; own group, threads and error handler. */
    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> notificationListenerContainerFactory(
            KafkaProperties kafka, NotificationSettings settings, NotificationStore store,
            DeadLetterProducer deadLetters, KafkaClientMeters clientMeters) {
        return NotificationConsumers.containerFactory("notificationConsumerFactory", kafka, settings,
                new ErrorHandlingDeserializer<>(new AvroDeserializer()),
                NotificationConsumers.errorHandler(deadLetters, store, settings), clientMeters);
    }

    @Bean
    NotificationStore notificationStore(MongoOperations mongo) {
        return new NotificationStore(mongo);
    }

    @Bean
    MailMeters mailMeters(MeterRegistry meters, NotificationSettings settings) {
        return new MailMeters(meters, settings.kinds());
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
