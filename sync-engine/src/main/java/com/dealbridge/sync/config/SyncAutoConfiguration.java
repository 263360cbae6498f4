package com.dealbridge.sync.config;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.serde.AvroDeserializer;
import com.dealbridge.contracts.serde.AvroSerializer;
import com.dealbridge.sync.domain.HybridLogicalClock;
import com.dealbridge.sync.health.KafkaHealthIndicator;
import com.dealbridge.sync.domain.SyncClock;
import com.dealbridge.sync.inbox.DeadLetters;
import com.dealbridge.sync.inbox.SharedDealEventListener;
import com.dealbridge.sync.relay.OutboxRelay;
import com.dealbridge.sync.state.CompactedStateSource;
import com.dealbridge.sync.state.StatePublisher;
import com.dealbridge.sync.state.StateRepublisher;
import com.dealbridge.sync.store.AppliedEventListener;
import com.dealbridge.sync.store.SharedDealInbox;
import com.dealbridge.sync.store.SharedDeals;
import com.dealbridge.sync.store.SyncStore;
import com.dealbridge.sync.wire.EventCodec;
import com.dealbridge.sync.wire.InvalidEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Everything a service needs to take part in sync: the store (replica + outbox + inbox), the relay, the inbox
 * listener with retries and dead letters, the topics, and the compacted-state publisher. Services declare
 * {@code dealbridge.sync.side} and use {@link SharedDeals}; they never build producers themselves.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(SyncProperties.class)
@EnableKafka
public class SyncAutoConfiguration {

    private final String instanceId = UUID.randomUUID().toString();

    @Bean
    SyncClock syncClock() {
        return HybridLogicalClock.system();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    SyncStore syncStore(MongoOperations mongo, EventCodec codec, SyncClock clock, SyncProperties properties,
                        ObjectProvider<AppliedEventListener> listeners) {
        return new SyncStore(mongo, codec, clock, properties.side(), properties.policy(),
                () -> listeners.orderedStream().toList());
    }

    @Bean
    SharedDeals sharedDeals(SyncStore store) {
        return store.sharedDeals();
    }

    @Bean
    SharedDealInbox sharedDealInbox(SyncStore store) {
        return store.inbox();
    }

    /** Idempotent, acks=all: the relay may resend, but a send is never duplicated or reordered by the producer. */
    @Bean(destroyMethod = "destroy")
    DefaultKafkaProducerFactory<String, byte[]> syncProducerFactory(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    KafkaTemplate<String, byte[]> syncKafkaTemplate(DefaultKafkaProducerFactory<String, byte[]> producers) {
        return new KafkaTemplate<>(producers);
    }

    @Bean(destroyMethod = "close")
    OutboxRelay outboxRelay(SyncStore store, MongoOperations mongo, KafkaTemplate<String, byte[]> syncKafkaTemplate,
                            SyncProperties properties, ObjectProvider<MeterRegistry> meters) {
        OutboxRelay relay = new OutboxRelay(store.outbox(), mongo, instanceId, syncKafkaTemplate,
                properties.outboundTopic(), properties.relay(), meters.getIfAvailable(SimpleMeterRegistry::new));
        store.connect(relay);
        relay.start();
        return relay;
    }

    @Bean
    StatePublisher statePublisher(KafkaTemplate<String, byte[]> syncKafkaTemplate) {
        return new StatePublisher(syncKafkaTemplate);
    }

    @Bean
    StateRepublisher stateRepublisher(StatePublisher publisher, ObjectProvider<CompactedStateSource> sources) {
        return new StateRepublisher(publisher, sources);
    }

    /** Decodes any released schema version; a record it cannot decode goes to the dead-letter topic. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> syncListenerContainerFactory(
            KafkaProperties kafka, SyncProperties properties, DefaultErrorHandler syncErrorHandler) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup());
        DefaultKafkaConsumerFactory<String, SpecificRecord> consumers = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new ErrorHandlingDeserializer<>(new AvroDeserializer()));
        ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setConcurrency(properties.inbox().concurrency());
        factory.setCommonErrorHandler(syncErrorHandler);
        return factory;
    }

    @Bean(destroyMethod = "destroy")
    DefaultKafkaProducerFactory<String, Object> deadLetterProducerFactory(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // byte[] for records that could not be decoded, Avro for records that could but failed to apply
        DelegatingByTypeSerializer values = new DelegatingByTypeSerializer(
                Map.of(byte[].class, new ByteArraySerializer(), SpecificRecord.class, new AvroSerializer()), true);
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), values);
    }

    @Bean
    DeadLetters deadLetters(MongoOperations mongo, SharedDealInbox inbox, EventCodec codec, SyncProperties properties) {
        return new DeadLetters(mongo, inbox, codec, properties.inboundTopic(), Clock.systemUTC());
    }

    /** Bounded exponential back-off, then the dead-letter topic (reason in headers) and the dead-letter store. */
    @Bean
    DefaultErrorHandler syncErrorHandler(DefaultKafkaProducerFactory<String, Object> deadLetterProducerFactory,
                                         DeadLetters deadLetters, SyncProperties properties) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(
                new KafkaTemplate<>(deadLetterProducerFactory),
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        SyncProperties.Inbox inbox = properties.inbox();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(inbox.retries());
        backOff.setInitialInterval(inbox.initialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(inbox.maxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            publisher.accept(record, failure);
            deadLetters.record(record, failure);
        }, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class, SerializationException.class,
                IllegalArgumentException.class);
        return handler;
    }

    @Bean
    SharedDealEventListener sharedDealEventListener(SharedDealInbox inbox, EventCodec codec,
                                                    SyncProperties properties) {
        return new SharedDealEventListener(inbox, codec, properties.inboundTopic(), properties.consumerGroup());
    }

    /** Kafka in /actuator/health: a service that cannot reach the broker cannot sync. */
    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        return new KafkaHealthIndicator(config, java.time.Duration.ofSeconds(3));
    }

    @Bean
    KafkaAdmin.NewTopics dealbridgeTopics(SyncProperties properties) {
        int partitions = properties.topics().partitions();
        short replicas = properties.topics().replicationFactor();
        List<NewTopic> topics = new java.util.ArrayList<>();
        for (String topic : List.of(Topics.PARTNER_SHARED_DEAL_EVENTS, Topics.CRM_SHARED_DEAL_EVENTS)) {
            topics.add(TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build());
        }
        for (String topic : List.of(Topics.PARTNER_ACCOUNTS, Topics.CRM_PRODUCTS)) {
            topics.add(TopicBuilder.name(topic).partitions(partitions).replicas(replicas).compact().build());
        }
        for (String topic : List.of(Topics.PARTNER_SHARED_DEAL_EVENTS, Topics.CRM_SHARED_DEAL_EVENTS,
                Topics.PARTNER_ACCOUNTS, Topics.CRM_PRODUCTS)) {
            topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(partitions).replicas(replicas)
                    .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
