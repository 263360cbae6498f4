package com.dealbridge.sync.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The Kafka clients' own metrics (consumer lag, fetch and send rates, request latencies, ...) in the meter registry,
 * through Micrometer's Kafka binder: spring-kafka's {@link MicrometerConsumerListener} and
 * {@link MicrometerProducerListener} on every factory dealbridge builds itself (Boot instruments only the factories
 * it builds, and dealbridge builds its own). Each client's meters carry {@code spring.id} = the factory's name and
 * the client id. The binder looks for new client metrics (the per-partition lag of newly assigned partitions) every
 * {@code refresh} rather than Micrometer's 60 s.
 */
public final class KafkaClientMeters implements AutoCloseable {

    private final MeterRegistry meters;
    private final Duration refresh;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    public KafkaClientMeters(MeterRegistry meters, Duration refresh) {
        this.meters = meters;
        this.refresh = refresh;
        scheduler.setPoolSize(1);
        scheduler.setDaemon(true);
        scheduler.setThreadNamePrefix("dealbridge-kafka-meters-");
        scheduler.initialize();
    }

    /** Binds the metrics of every producer the factory creates; {@code name} tells its clients apart. */
    public <K, V> DefaultKafkaProducerFactory<K, V> instrument(String name, DefaultKafkaProducerFactory<K, V> factory) {
        factory.setBeanName(name);
        factory.addListener(new ProducerMeters<>(meters, scheduler, refresh));
        return factory;
    }

    /** Binds the metrics of every consumer the factory creates; {@code name} tells its clients apart. */
    public <K, V> DefaultKafkaConsumerFactory<K, V> instrument(String name, DefaultKafkaConsumerFactory<K, V> factory) {
        factory.setBeanName(name);
        factory.addListener(new ConsumerMeters<>(meters, scheduler, refresh));
        return factory;
    }

    @Override
    public void close() {
        scheduler.shutdown();
    }

    private static final class ConsumerMeters<K, V> extends MicrometerConsumerListener<K, V> {

        private final Duration refresh;

        ConsumerMeters(MeterRegistry meters, ThreadPoolTaskScheduler scheduler, Duration refresh) {
            super(meters, List.of(), scheduler);
            this.refresh = refresh;
        }

        @Override
        protected MeterBinder createClientMetrics(Consumer<K, V> client, List<Tag> tags) {
            return new KafkaClientMetrics(client, tags, scheduler, refresh);
        }
    }

    private static final class ProducerMeters<K, V> extends MicrometerProducerListener<K, V> {

        private final Duration refresh;

        ProducerMeters(MeterRegistry meters, ThreadPoolTaskScheduler scheduler, Duration refresh) {
            super(meters, List.of(), scheduler);
            this.refresh = refresh;
        }

        @Override
        protected MeterBinder createClientMetrics(Producer<K, V> client, List<Tag> tags) {
            return new KafkaClientMetrics(client, tags, scheduler, refresh);
        }
    }
}
