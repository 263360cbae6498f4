package com.dealbridge.partner.notification;

import com.dealbridge.contracts.serde.AvroDeserializer;
import com.dealbridge.shareddeal.config.DeadLetterProducer;
import com.dealbridge.sync.config.SyncProperties;
import com.dealbridge.sync.inbox.InvalidEventException;
import com.dealbridge.sync.metrics.KafkaClientMeters;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The notification consumer's own container factory: built like the engine's sync factory (same decoding of every
 * released schema version), but with its own group, threads and error handler — bounded back-off for SMTP
 * failures, then the notifications' own dead-letter topic, so sync's dead letters stay separate.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationKafkaConfiguration {

    static final String CONTAINER_FACTORY = "notificationListenerContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(NotificationKafkaConfiguration.class);

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> notificationListenerContainerFactory(
            KafkaProperties kafka, NotificationProperties properties, NotificationStore store,
            DeadLetterProducer deadLetters, KafkaClientMeters clientMeters) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup());
        DefaultKafkaConsumerFactory<String, SpecificRecord> consumers = clientMeters.instrument(
                "notificationConsumerFactory", new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                        new ErrorHandlingDeserializer<>(new AvroDeserializer())));
        ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setConcurrency(properties.concurrency());
        factory.setCommonErrorHandler(errorHandler(deadLetters, store, properties));
        return factory;
    }

    /**
     * Bounded exponential back-off (a mail server that is away for a while), then the dead-letter topic with the
     * reason in the headers, and the e-mail marked FAILED. Records that can never succeed skip the retries.
     */
    static DefaultErrorHandler errorHandler(DeadLetterProducer deadLetters, NotificationStore store,
                                            NotificationProperties properties) {
        String topic = properties.deadLetterTopic();
        ConsumerRecordRecoverer publisher = deadLetters.recoverer(record -> topic);
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
        backOff.setInitialInterval(properties.initialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.maxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            publisher.accept(record, failure);
            NotificationMailFailed mailFailure = mailFailure(failure);
            if (mailFailure != null) {
                store.markFailed(mailFailure.notificationId(), String.valueOf(mailFailure.getMessage()));
            }
            log.error("dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(), topic,
                    failure.getMessage());
        }, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class, SerializationException.class,
                IllegalArgumentException.class, NotificationMailRefused.class);
        return handler;
    }

    @Bean
    KafkaAdmin.NewTopics notificationTopics(NotificationProperties properties, SyncProperties sync) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(properties.deadLetterTopic())
                .partitions(sync.topics().partitions()).replicas(sync.topics().replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build());
    }

    private static NotificationMailFailed mailFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotificationMailFailed mail) {
                return mail;
            }
        }
        return null;
    }
}
