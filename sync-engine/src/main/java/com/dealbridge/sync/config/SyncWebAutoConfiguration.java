package com.dealbridge.sync.config;

import com.dealbridge.sync.collab.AttachmentProperties;
import com.dealbridge.sync.collab.AttachmentUploads;
import com.dealbridge.sync.collab.SharedNoteController;
import com.dealbridge.sync.collab.SharedNotes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import com.dealbridge.sync.api.PartnerCapacity;
import com.dealbridge.sync.api.ProductNames;
import com.dealbridge.sync.api.SharedDealCommands;
import com.dealbridge.sync.api.SharedDealController;
import com.dealbridge.sync.api.SharedDealQueries;
import com.dealbridge.sync.api.ResyncController;
import com.dealbridge.sync.api.SyncAdminController;
import com.dealbridge.sync.inbox.DeadLetters;
import com.dealbridge.sync.store.SharedDeals;
import com.dealbridge.sync.store.SyncStatusReader;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/** The HTTP side of sync that both services share: shared-deal reads and the sync admin endpoints. */
@AutoConfiguration(after = SyncAutoConfiguration.class)
@ConditionalOnWebApplication
@EnableConfigurationProperties(AttachmentProperties.class)
public class SyncWebAutoConfiguration {

    @Bean
    SharedDealQueries sharedDealQueries(SharedDeals sharedDeals, ObjectProvider<ProductNames> productNames) {
        return new SharedDealQueries(sharedDeals, productNames.getIfAvailable(() -> SyncWebAutoConfiguration::ids));
    }

    @Bean
    SharedDealCommands sharedDealCommands(SharedDeals sharedDeals, SharedDealQueries queries,
                                          ObjectProvider<ProductNames> productNames,
                                          ObjectProvider<PartnerCapacity> capacity) {
        return new SharedDealCommands(sharedDeals, queries,
                productNames.getIfAvailable(() -> SyncWebAutoConfiguration::ids),
                capacity.getIfAvailable(() -> partnerId -> java.util.OptionalInt.empty()));
    }

    @Bean
    SharedDealController sharedDealController(SharedDealQueries queries, SharedDealCommands commands) {
        return new SharedDealController(queries, commands);
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

    @Bean
    SharedNoteController sharedNoteController(SharedNotes notes, AttachmentUploads uploads) {
        return new SharedNoteController(notes, uploads);
    }

    @Bean
    ResyncController resyncController(SharedDeals sharedDeals) {
        return new ResyncController(sharedDeals);
    }

    @Bean
    SyncStatusReader syncStatusReader(MongoOperations mongo) {
        return new SyncStatusReader(mongo);
    }

    @Bean
    SyncAdminController syncAdminController(SyncStatusReader status, DeadLetters deadLetters,
                                            SyncProperties properties) {
        return new SyncAdminController(status, deadLetters, properties);
    }

    private static Map<String, String> ids(java.util.Collection<String> productIds) {
        Map<String, String> names = new HashMap<>();
        productIds.forEach(id -> names.put(id, id));
        return names;
    }
}
