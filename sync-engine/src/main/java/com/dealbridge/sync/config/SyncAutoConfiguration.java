package com.dealbridge.sync.config;

import com.dealbridge.sync.blob.BlobStore;
import com.dealbridge.sync.deadletter.DeadLetters;
import com.dealbridge.sync.health.KafkaHealthIndicator;
import com.dealbridge.sync.inbox.EventReader;
import com.dealbridge.sync.inbox.Inbox;
import com.dealbridge.sync.inbox.InboxListener;
import com.dealbridge.sync.inbox.InboxProperties;
import com.dealbridge.sync.inbox.Replica;
import com.dealbridge.sync.lane.AggregateLanes;
import com.dealbridge.sync.lane.LaneWork;
import com.dealbridge.sync.log.ChangeLog;
import com.dealbridge.sync.metrics.KafkaClientMeters;
import com.dealbridge.sync.metrics.StoreGauges;
import com.dealbridge.sync.relay.Followers;
import com.dealbridge.sync.relay.PublishedMarks;
import com.dealbridge.sync.relay.Relay;
import com.dealbridge.sync.state.CompactedStateSource;
import com.dealbridge.sync.state.StatePublisher;
import com.dealbridge.sync.state.StateRepublisher;
import com.dealbridge.sync.trace.SyncTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The replication engine: change log, relay, inbox, lanes, dead letters, blob store. A domain using it provides
 * its {@link SyncTopics}, a {@link Replica} and an {@link EventReader} for the inbox, the lanes'
 * {@link AggregateLanes.Handler}, and optionally {@link Followers} and a {@link Relay.SweepListener}.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(SyncProperties.class)
@EnableKafka
@ConditionalOnBean(SyncTopics.class)
public class SyncAutoConfiguration {

    @Bean
    ChangeLog changeLog(MongoOperations mongo) {
        return new ChangeLog(mongo);
    }

    @Bean
    PublishedMarks publishedMarks(MongoOperations mongo) {
        return new PublishedMarks(mongo);
    }

    @Bean
    BlobStore blobStore(MongoOperations mongo) {
        return new BlobStore(mongo);
    }

    /** The Kafka clients' own metrics, for every factory built here and by the domain using the engine. */
    @Bean(destroyMethod = "close")
    KafkaClientMeters kafkaClientMeters(ObjectProvider<MeterRegistry> meters, SyncProperties properties) {
        return new KafkaClientMeters(meters.getIfAvailable(SimpleMeterRegistry::new),
                properties.metrics().kafkaRefresh());
    }

    /**
     * The gauges counted in the store: this side's entries not yet published (the outbox backlog: the same count
     * on every instance, as they share the store), received entries parked behind a gap, dead letters not
     * replayed.
     */
    @Bean(destroyMethod = "close")
    StoreGauges storeGauges(ObjectProvider<MeterRegistry> meters, SyncProperties properties, ChangeLog changeLog,
                            DeadLetters deadLetters, SyncTopics topics) {
        StoreGauges gauges = new StoreGauges(meters.getIfAvailable(SimpleMeterRegistry::new),
                properties.metrics().gaugeRefresh());
        gauges.register("dealbridge.outbox.backlog", "this side's change-log entries not yet published", "events",
                Tags.of("topic", topics.outbound()), changeLog::countUnpublished);
        gauges.register("dealbridge.inbox.parked", "received entries waiting behind a missing one", "events",
                Tags.of("topic", topics.inbound()), changeLog::countParked);
        gauges.register("dealbridge.dead.letters.pending", "dead letters of the inbox not yet replayed", null,
                Tags.of("topic", topics.inbound()), deadLetters::pending);
        return gauges;
    }

    /** One idempotent producer, acks=all: the relay may resend, but a send is never duplicated or reordered. */
    @Bean(destroyMethod = "destroy")
    DefaultKafkaProducerFactory<String, byte[]> syncProducerFactory(KafkaProperties kafka,
                                                                    KafkaClientMeters kafkaClientMeters) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, 16L * 1024 * 1024);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return kafkaClientMeters.instrument("syncProducerFactory",
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
    }

    @Bean
    KafkaTemplate<String, byte[]> syncKafkaTemplate(DefaultKafkaProducerFactory<String, byte[]> syncProducerFactory) {
        return new KafkaTemplate<>(syncProducerFactory);
    }

    /**
     * A change's trace across Kafka (README Traces): with the service's Micrometer tracer and propagator when it
     * has them (Boot's OpenTelemetry starter), otherwise none.
     */
    @Bean
    SyncTracing syncTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer found = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        return found == null || found == Tracer.NOOP || propagation == null ? SyncTracing.NONE
                : new SyncTracing(found, propagation);
    }

    @Bean(destroyMethod = "close")
    AggregateLanes<LaneWork> syncLanes(SyncProperties properties, AggregateLanes.Handler<LaneWork> handler,
                                       SyncTracing syncTracing) {
        return new AggregateLanes<>("sync-lane", properties.lanes().threads(), properties.lanes().maxBatch(),
                handler, syncTracing);
    }

    @Bean(destroyMethod = "close")
    Relay relay(ChangeLog changeLog, PublishedMarks marks, KafkaTemplate<String, byte[]> syncKafkaTemplate,
                SyncTopics topics, ObjectProvider<Followers> followers,
                ObjectProvider<Relay.SweepListener> sweepListener, SyncProperties properties,
                ObjectProvider<MeterRegistry> meters) {
        Relay relay = new Relay(changeLog, marks, syncKafkaTemplate, topics.outbound(),
                followers.getIfAvailable(() -> Followers.NONE), sweepListener.getIfAvailable(() -> ids -> { }),
                properties.relay(), meters.getIfAvailable(SimpleMeterRegistry::new));
        relay.start();
        return relay;
    }

    @Bean
    DeadLetters deadLetters(MongoOperations mongo, KafkaProperties kafka, SyncTopics topics,
                            ObjectProvider<MeterRegistry> meters, KafkaClientMeters kafkaClientMeters) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        DefaultKafkaProducerFactory<String, byte[]> producers = kafkaClientMeters.instrument(
                "syncDeadLetterProducerFactory", new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                        new ByteArraySerializer()));
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers),
                (record, failure) -> new TopicPartition(SyncTopics.deadLetter(record.topic()), -1));
        Object maxRequestSize = config.getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                DeadLetters.DEFAULT_MAX_REQUEST_SIZE);
        return new DeadLetters(mongo, publisher, topics.inbound(), Clock.systemUTC(),
                meters.getIfAvailable(SimpleMeterRegistry::new), Integer.parseInt(maxRequestSize.toString()));
    }

    @Bean
    <W> Inbox<W> inbox(ChangeLog changeLog, Replica<W> replica, EventReader reader, DeadLetters deadLetters,
                       AggregateLanes<LaneWork> syncLanes, SyncProperties properties, SyncTopics topics,
                       ObjectProvider<MeterRegistry> meters, SyncTracing syncTracing) {
        return new Inbox<>(changeLog, replica, reader, deadLetters, syncLanes, properties.inbox(), topics.inbound(),
                meters.getIfAvailable(SimpleMeterRegistry::new), syncTracing);
    }

    @Bean
    InboxListener inboxListener(Inbox<?> inbox, SyncTopics topics, SyncProperties properties) {
        return new InboxListener(inbox, topics.inbound(), properties.consumerGroup());
    }

    /**
     * Batches of raw records (the domain's reader decodes them, so no record can fail deserialization here). A
     * failure of the store retries the whole poll with back-off until it is back: its events must not be skipped,
     * and applying them again is idempotent.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> syncListenerContainerFactory(KafkaProperties kafka,
            SyncProperties properties, KafkaClientMeters kafkaClientMeters) {
        InboxProperties inbox = properties.inbox();
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup());
        config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) inbox.sessionTimeout().toMillis());
        config.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) inbox.heartbeatInterval().toMillis());
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, inbox.maxPollRecords());
        // a rebalance moves only the partitions that change hands; the others keep being consumed
        config.putIfAbsent(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                CooperativeStickyAssignor.class.getName());
        DefaultKafkaConsumerFactory<String, byte[]> consumers = kafkaClientMeters.instrument(
                "syncConsumerFactory", new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                        new ByteArrayDeserializer()));
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setConcurrency(inbox.concurrency());
        factory.setBatchListener(true);
        ExponentialBackOff backOff = new ExponentialBackOff(inbox.initialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(inbox.maxBackoff().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }

    /** Kafka in /actuator/health: a service that cannot reach the broker cannot sync. */
    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        return new KafkaHealthIndicator(config, Duration.ofSeconds(3));
    }

    @Bean
    StatePublisher statePublisher(KafkaTemplate<String, byte[]> syncKafkaTemplate) {
        return new StatePublisher(syncKafkaTemplate);
    }

    @Bean
    StateRepublisher stateRepublisher(StatePublisher publisher, ObjectProvider<CompactedStateSource> sources) {
        return new StateRepublisher(publisher, sources);
    }

    @Bean
    KafkaAdmin.NewTopics dealbridgeTopics(SyncTopics topics) {
        return new KafkaAdmin.NewTopics(topics.toCreate().toArray(NewTopic[]::new));
    }
}
