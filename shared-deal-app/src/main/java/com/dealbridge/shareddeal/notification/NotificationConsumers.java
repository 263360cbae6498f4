package com.dealbridge.shareddeal.notification;

import com.dealbridge.shareddeal.config.DeadLetterProducer;
import com.dealbridge.sync.inbox.InvalidEventException;
import com.dealbridge.sync.metrics.KafkaClientMeters;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The notification consumer's own container factory, for either side: built like the engine's sync factory, but
 * with its own group, threads and error handler — bounded back-off for SMTP failures, then the notifications' own
 * dead-letter topic, so sync's dead letters stay separate. The value deserializer is the caller's, so each side
 * decodes its topics as its sync consumer does.
 */
final class NotificationConsumers {

    private static final Logger log = LoggerFactory.getLogger(NotificationConsumers.class);

    private NotificationConsumers() {
    }

    /**
     * @param clientName the consumer factory's name in the Kafka client metrics ({@code spring_id})
     */
    static ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> containerFactory(
            String clientName, KafkaProperties kafka, NotificationSettings settings,
            Deserializer<SpecificRecord> valueDeserializer, DefaultErrorHandler errorHandler,
            KafkaClientMeters clientMeters) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup());
        DefaultKafkaConsumerFactory<String, SpecificRecord> consumers = clientMeters.instrument(clientName,
                new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), valueDeserializer));
        ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setConcurrency(settings.concurrency());
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }

    /**
     * Bounded exponential back-off (a mail server that is away for a while), then the dead-letter topic with the
     * reason in the headers, and the e-mail marked FAILED. Records that can never succeed skip the retries.
     */
    static DefaultErrorHandler errorHandler(DeadLetterProducer deadLetters, NotificationStore store,
                                                   NotificationSettings settings) {
        String topic = settings.deadLetterTopic();
        ConsumerRecordRecoverer publisher = deadLetters.recoverer(record -> topic);
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(settings.retries());
        backOff.setInitialInterval(settings.initialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(settings.maxBackoff().toMillis());
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

    private static NotificationMailFailed mailFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotificationMailFailed mail) {
                return mail;
            }
        }
        return null;
    }
}
