package com.dealbridge.shareddeal.config;

import com.dealbridge.shareddeal.admin.ResyncController;
import com.dealbridge.shareddeal.admin.SyncAdminController;
import com.dealbridge.shareddeal.admin.SyncOperations;
import com.dealbridge.shareddeal.api.PartnerCapacity;
import com.dealbridge.shareddeal.api.ProductNames;
import com.dealbridge.shareddeal.api.SharedDealCommands;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.live.LiveDealPages;
import com.dealbridge.shareddeal.live.LiveProperties;
import com.dealbridge.shareddeal.notes.AttachmentProperties;
import com.dealbridge.shareddeal.notes.AttachmentUploads;
import com.dealbridge.shareddeal.notes.NoteFiles;
import com.dealbridge.shareddeal.notes.SharedNotes;
import com.dealbridge.shareddeal.notes.SharedTabModel;
import com.dealbridge.shareddeal.registration.CapacityLedger;
import com.dealbridge.shareddeal.store.SharedDeals;
import com.dealbridge.sync.config.SyncAutoConfiguration;
import com.dealbridge.sync.deadletter.DeadLetters;
import com.dealbridge.sync.inbox.Inbox;
import com.dealbridge.sync.log.ChangeLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The application services both services' shared-deal controllers call, and the sync operations endpoints (status,
 * dead-letter replay, resync), which are the same on both sides.
 */
@AutoConfiguration(after = {SharedDealAutoConfiguration.class, SyncAutoConfiguration.class})
@ConditionalOnWebApplication
@EnableConfigurationProperties({AttachmentProperties.class, LiveProperties.class})
public class SharedDealWebAutoConfiguration {

    @Bean
    SharedDealQueries sharedDealQueries(SharedDeals sharedDeals, ObjectProvider<ProductNames> productNames) {
        return new SharedDealQueries(sharedDeals, productNames.getIfAvailable(() -> SharedDealWebAutoConfiguration::ids));
    }

    @Bean
    SharedDealCommands sharedDealCommands(SharedDeals sharedDeals, SharedDealQueries queries,
                                          ObjectProvider<ProductNames> productNames,
                                          ObjectProvider<PartnerCapacity> capacity, CapacityLedger ledger) {
        return new SharedDealCommands(sharedDeals, queries,
                productNames.getIfAvailable(() -> SharedDealWebAutoConfiguration::ids),
                capacity.getIfAvailable(() -> partnerId -> OptionalInt.empty()), ledger);
    }

    /** Server-sent events for open deal pages; an {@code AppliedEventListener}, so it hears every save here. */
    @Bean
    LiveDealPages liveDealPages(LiveProperties properties) {
        return new LiveDealPages(properties.heartbeat());
    }

    @Bean
    MeterBinder liveDealPagesMeters(LiveDealPages live) {
        return registry -> Gauge.builder("dealbridge.live.streams", live, LiveDealPages::openStreams)
                .description("deal pages' and API clients' event streams open on this instance").register(registry);
    }

    @Bean
    SharedNotes sharedNotes(SharedDeals sharedDeals, SharedDealQueries queries, SharedDealCommands commands) {
        return new SharedNotes(sharedDeals, queries, commands);
    }

    @Bean
    AttachmentUploads attachmentUploads(SharedDeals sharedDeals, SharedDealQueries queries,
                                        SharedDealCommands commands, AttachmentProperties properties) {
        return new AttachmentUploads(sharedDeals, queries, commands, properties);
    }

    /** The files of the Shared tabs' note editors, attached through the API's upload service. */
    @Bean
    NoteFiles noteFiles(AttachmentUploads uploads, AttachmentProperties properties) {
        return new NoteFiles(uploads, properties);
    }

    /** The model of the Shared tabs' shared timeline fragments. */
    @Bean
    SharedTabModel sharedTabModel(SharedNotes notes, SharedDealQueries queries, AttachmentProperties properties) {
        return new SharedTabModel(notes, queries, properties);
    }

    /** Status, replay and resync: the admin API's and any admin page's. */
    @Bean
    SyncOperations syncOperations(SharedDeals sharedDeals, ChangeLog changeLog, DeadLetters deadLetters,
                                  Inbox<?> inbox, SharedDealProperties properties) {
        return new SyncOperations(sharedDeals, changeLog, deadLetters, inbox, properties.outboundTopic(),
                properties.inboundTopic());
    }

    @Bean
    ResyncController resyncController(SyncOperations operations) {
        return new ResyncController(operations);
    }

    @Bean
    SyncAdminController syncAdminController(SyncOperations operations) {
        return new SyncAdminController(operations);
    }

    private static Map<String, String> ids(java.util.Collection<String> productIds) {
        Map<String, String> names = new HashMap<>();
        productIds.forEach(id -> names.put(id, id));
        return names;
    }
}
