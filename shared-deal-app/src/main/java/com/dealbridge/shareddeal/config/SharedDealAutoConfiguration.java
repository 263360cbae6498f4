package com.dealbridge.shareddeal.config;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.contracts.serde.AvroDeserializer;
import com.dealbridge.shareddeal.registration.Admissions;
import com.dealbridge.shareddeal.registration.CapacityLedger;
import com.dealbridge.shareddeal.registration.DomainOwnership;
import com.dealbridge.shareddeal.registration.RegistrationProperties;
import com.dealbridge.shareddeal.store.AppliedEventListener;
import com.dealbridge.shareddeal.store.AttachmentFiles;
import com.dealbridge.shareddeal.store.AttachmentFollowers;
import com.dealbridge.shareddeal.store.DealLanes;
import com.dealbridge.shareddeal.store.ProjectionStore;
import com.dealbridge.shareddeal.store.SharedDealReplica;
import com.dealbridge.shareddeal.store.SharedDealSaver;
import com.dealbridge.shareddeal.store.SharedDealWriter;
import com.dealbridge.shareddeal.store.SharedDeals;
import com.dealbridge.shareddeal.store.SharedTabs;
import com.dealbridge.shareddeal.wire.EventCodec;
import com.dealbridge.shareddeal.wire.SharedDealEventReader;
import com.dealbridge.sync.blob.BlobStore;
import com.dealbridge.sync.clock.HybridLogicalClock;
import com.dealbridge.sync.clock.SyncClock;
import com.dealbridge.sync.config.SyncAutoConfiguration;
import com.dealbridge.sync.config.SyncProperties;
import com.dealbridge.sync.config.SyncTopics;
import com.dealbridge.sync.inbox.Inbox;
import com.dealbridge.sync.inbox.InvalidEventException;
import com.dealbridge.sync.lane.AggregateLanes;
import com.dealbridge.sync.lane.LaneWork;
import com.dealbridge.sync.log.ChangeLog;
import com.dealbridge.sync.metrics.KafkaClientMeters;
import com.dealbridge.sync.relay.PublishedMarks;
import com.dealbridge.sync.relay.Relay;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Shared deals on the replication engine, for both services: the projections, the writer of this side's changes,
 * the replica the inbox applies the other side's events to, the wire mapping, and {@link SharedDeals}, which
 * services use. Services declare {@code dealbridge.sync.side}; they never build producers themselves.
 */
@AutoConfiguration(before = SyncAutoConfiguration.class)
@EnableConfigurationProperties({SharedDealProperties.class, RegistrationProperties.class,
        SchemaRegistryProperties.class})
public class SharedDealAutoConfiguration {

    @Bean
    SyncClock syncClock() {
        return HybridLogicalClock.system();
    }

    /**
     * Points the JVM's codec at the registry before anything encodes: the outbox writers and topic publishers call
     * the static {@link AvroCodec}. Without a URL the codec falls back to {@code SCHEMA_REGISTRY_URL}.
     */
    @Bean
    SchemaRegistryConnection schemaRegistryConnection(SchemaRegistryProperties registry) {
        return new SchemaRegistryConnection(registry);
    }

    @Bean
    EventCodec eventCodec(SchemaRegistryConnection registry) {
        return new EventCodec();
    }

    /** Marker bean: its construction configured {@link AvroCodec}; beans that encode depend on it. */
    static final class SchemaRegistryConnection {

        SchemaRegistryConnection(SchemaRegistryProperties registry) {
            if (registry.url() != null) {
                AvroCodec.useRegistry(registry.url(), registry.autoRegister());
            }
        }
    }

    @Bean
    SyncTopics syncTopics(SharedDealProperties sharedDeal, SyncProperties engine) {
        int partitions = engine.topics().partitions();
        short replicas = engine.topics().replicationFactor();
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : List.of(Topics.PARTNER_SHARED_DEAL_EVENTS, Topics.CRM_SHARED_DEAL_EVENTS)) {
            topics.add(TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build());
        }
        for (String topic : List.of(Topics.PARTNER_ACCOUNTS, Topics.CRM_PRODUCTS)) {
            topics.add(TopicBuilder.name(topic).partitions(partitions).replicas(replicas).compact().build());
        }
        for (String topic : List.of(Topics.PARTNER_SHARED_DEAL_EVENTS, Topics.CRM_SHARED_DEAL_EVENTS,
                Topics.PARTNER_ACCOUNTS, Topics.CRM_PRODUCTS)) {
            topics.add(TopicBuilder.name(SyncTopics.deadLetter(topic)).partitions(partitions).replicas(replicas)
                    .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build());
        }
        return new SyncTopics(sharedDeal.outboundTopic(), sharedDeal.inboundTopic(), topics);
    }

    @Bean
    ProjectionStore projectionStore(MongoOperations mongo, SharedDealProperties sharedDeal) {
        return new ProjectionStore(mongo, sharedDeal.cachedDeals());
    }

    /** Capacity slots by registered domain, decided in the store so that every instance agrees. */
    @Bean
    CapacityLedger capacityLedger(MongoOperations mongo, ProjectionStore store, RegistrationProperties registration) {
        return new CapacityLedger(mongo, store, registration, Clock.systemUTC());
    }

    /** Which partner holds a company domain, decided in the store so that every instance agrees. */
    @Bean
    DomainOwnership domainOwnership(MongoOperations mongo, ProjectionStore store, RegistrationProperties registration) {
        return new DomainOwnership(mongo, store, registration, Clock.systemUTC());
    }

    @Bean
    Admissions admissions(DomainOwnership domains, CapacityLedger capacity, RegistrationProperties registration) {
        return new Admissions(domains, capacity, registration.exclusiveDomains());
    }

    @Bean
    AttachmentFiles attachmentFiles(BlobStore blobStore) {
        return new AttachmentFiles(blobStore);
    }

    @Bean
    SharedDealSaver sharedDealSaver(ProjectionStore store, AttachmentFiles files,
                                    ObjectProvider<AppliedEventListener> listeners) {
        return new SharedDealSaver(store, files, () -> listeners.orderedStream().toList());
    }

    /** The listeners depend on beans built after the saver: fixed once all of them exist, not looked up per save. */
    @Bean
    SmartInitializingSingleton sharedDealSaverListeners(SharedDealSaver saver) {
        return saver::fixListeners;
    }

    @Bean
    SharedDealWriter sharedDealWriter(ProjectionStore store, SharedDealSaver saver, ChangeLog changeLog,
                                      EventCodec codec, SyncClock clock, SharedDealProperties properties) {
        return new SharedDealWriter(store, saver, changeLog, codec, clock, properties.side());
    }

    /** The writer hands its events to the relay, which is built after it. */
    @Bean
    SmartInitializingSingleton relayConnector(SharedDealWriter writer, ObjectProvider<Relay> relay) {
        return () -> writer.connect(relay.getObject());
    }

    @Bean
    AggregateLanes.Handler<LaneWork> dealLanes(SharedDealWriter writer, ObjectProvider<Inbox<?>> inbox) {
        return new DealLanes(writer, inbox::getObject);
    }

    @Bean
    SharedDealReplica sharedDealReplica(ProjectionStore store, SharedDealSaver saver, AttachmentFiles files,
                                        SyncClock clock, SharedDealProperties properties, SyncProperties engine) {
        return new SharedDealReplica(store, saver, files, clock, properties.policy(), properties.side(),
                engine.inbox().maxSequenceJump());
    }

    @Bean
    SharedDealEventReader sharedDealEventReader(EventCodec codec, SharedDealProperties properties,
                                                SyncProperties engine) {
        return new SharedDealEventReader(codec, properties.side(), Clock.systemUTC(),
                engine.inbox().maxClockSkew());
    }

    @Bean
    AttachmentFollowers attachmentFollowers(AttachmentFiles files, EventCodec codec) {
        return new AttachmentFollowers(files, codec);
    }

    @Bean
    SharedTabs sharedTabs(ChangeLog changeLog, ProjectionStore store, EventCodec codec) {
        return new SharedTabs(changeLog, store, codec);
    }

    @Bean
    SharedDeals sharedDeals(AggregateLanes<LaneWork> syncLanes, ProjectionStore store, PublishedMarks marks,
                            SharedTabs tabs, AttachmentFiles files, SyncClock clock,
                            SharedDealProperties properties) {
        return new SharedDeals(syncLanes, store, marks, tabs, files, clock, properties.policy(), properties.side());
    }

    /**
     * For the services' listeners of the compacted state topics (partner accounts, the product catalogue): one
     * record at a time, decoded from any released schema version; bounded retries, then the topic's dead-letter
     * topic with the reason, and the consumer goes on.
     */
    @Bean
    DeadLetterProducer deadLetterProducer(KafkaProperties kafka, KafkaClientMeters clientMeters,
                                          ObjectProvider<MeterRegistry> meters) {
        return new DeadLetterProducer(kafka, clientMeters, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> stateListenerContainerFactory(
            KafkaProperties kafka, SyncProperties engine, DeadLetterProducer deadLetterProducer,
            KafkaClientMeters clientMeters) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        DefaultKafkaConsumerFactory<String, SpecificRecord> consumers = clientMeters.instrument(
                "stateConsumerFactory", new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                        new ErrorHandlingDeserializer<>(new AvroDeserializer())));
        ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(3);
        backOff.setInitialInterval(engine.inbox().initialBackoff().toMillis());
        backOff.setMaxInterval(engine.inbox().maxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(
                deadLetterProducer.recoverer(record -> SyncTopics.deadLetter(record.topic())), backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class, SerializationException.class,
                IllegalArgumentException.class);
        factory.setCommonErrorHandler(handler);
        return factory;
    }

    /** Own events a sweep found unpublished may have missed their projection too (a crash right after the log). */
    @Bean
    Relay.SweepListener catchUpBeforePublishing(ObjectProvider<SharedDeals> sharedDeals) {
        return ids -> ids.forEach(id -> sharedDeals.getObject().catchUp(id));
    }
}
