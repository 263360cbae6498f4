package com.dealbridge.partner.notification;

import com.dealbridge.contracts.serde.AvroDeserializer;
import com.dealbridge.shareddeal.config.DeadLetterProducer;
import com.dealbridge.shareddeal.notification.NotificationConsumers;
import com.dealbridge.shareddeal.notification.NotificationMechanism;
import com.dealbridge.shareddeal.notification.NotificationStore;
import com.dealbridge.sync.metrics.KafkaClientMeters;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The notification consumer's own container factory ({@link NotificationConsumers}: own group, threads, back-off
 * and dead-letter topic {@code partner.notifications.dlt}), decoding every released schema version like sync does,
 * and the shared notification beans ({@link NotificationMechanism}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
@Import(NotificationMechanism.class)
class NotificationKafkaConfiguration {

    static final String CONTAINER_FACTORY = "notificationListenerContainerFactory";

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> notificationListenerContainerFactory(
            KafkaProperties kafka, NotificationProperties properties, NotificationStore store,
            DeadLetterProducer deadLetters, KafkaClientMeters clientMeters) {
        return NotificationConsumers.containerFactory("notificationConsumerFactory", kafka, properties,
                new ErrorHandlingDeserializer<>(new AvroDeserializer()),
                NotificationConsumers.errorHandler(deadLetters, store, properties), clientMeters);
    }
}
