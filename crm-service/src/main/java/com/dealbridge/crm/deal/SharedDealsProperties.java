package com.dealbridge.crm.deal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the CRM files shared deals ({@code dealbridge.crm.shared-deals.*}).
 *
 * @param defaultPipeline the pipeline a CRM deal lands in when it becomes shared: created from a partner's
 *                        registration, or converted by a rep (HubSpot's "default pipeline for shared deals");
 *                        default {@code partner-deals}. The CRM's own deals are in {@code default}.
 */
@ConfigurationProperties("dealbridge.crm.shared-deals")
record SharedDealsProperties(String defaultPipeline) {

    static final String DEFAULT_PIPELINE = "partner-deals";

    SharedDealsProperties {
        defaultPipeline = defaultPipeline == null || defaultPipeline.isBlank() ? DEFAULT_PIPELINE
                : defaultPipeline.trim();
        if (defaultPipeline.length() > 100) {
            throw new IllegalArgumentException("dealbridge.crm.shared-deals.default-pipeline: at most 100 characters");
        }
    }
}
