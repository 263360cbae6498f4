package com.dealbridge.shareddeal.config;

import com.dealbridge.contracts.Topics;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SyncPolicy;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Shared-deal sync settings ({@code dealbridge.sync.*}; the engine binds its own from the same prefix).
 *
 * @param side   which side this service is: PARTNER or CRM (required; decides the topics)
 * @param fields the per-field sync policy, {@code <field>: TWO_WAY | CRM_TO_PARTNER | PARTNER_TO_CRM_AT_CREATION}
 *               (e.g. {@code dealbridge.sync.fields.deal-name=CRM_TO_PARTNER}); unset fields keep their defaults,
 *               an invalid entry stops the start-up. Both services must be configured alike.
 * @param cachedDeals how many deals' last saved documents each instance keeps (default 2000), so a change of a
 *               recently changed deal reads nothing before it writes; 0 turns it off. Another instance's write is
 *               caught by the store's version check and costs a reload.
 */
@ConfigurationProperties("dealbridge.sync")
public record SharedDealProperties(Origin side, Map<String, String> fields, Integer cachedDeals) {

    public SharedDealProperties {
        if (side == null) {
            throw new IllegalStateException("dealbridge.sync.side must be set to PARTNER or CRM");
        }
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        cachedDeals = cachedDeals == null ? 2000 : cachedDeals;
        if (cachedDeals < 0) {
            throw new IllegalStateException("dealbridge.sync.cached-deals must be 0 or more, was " + cachedDeals);
        }
        try {
            SyncPolicy.of(fields);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The validated sync policy. */
    public SyncPolicy policy() {
        return SyncPolicy.of(fields);
    }

    public String outboundTopic() {
        return side == Origin.PARTNER ? Topics.PARTNER_SHARED_DEAL_EVENTS : Topics.CRM_SHARED_DEAL_EVENTS;
    }

    public String inboundTopic() {
        return side == Origin.PARTNER ? Topics.CRM_SHARED_DEAL_EVENTS : Topics.PARTNER_SHARED_DEAL_EVENTS;
    }
}
