package com.dealbridge.contracts;

/**
 * Kafka topic names shared by both services. The {@code .v1} suffix is part of the name so an
 * incompatible successor can run side by side with the old topic during a migration.
 */
public final class Topics {

    /** Shared-deal events decided on the partner side; key = sharedDealId. */
    public static final String PARTNER_SHARED_DEAL_EVENTS = "partner.shared-deal-events.v1";

    /** Shared-deal events decided in the CRM; key = sharedDealId. */
    public static final String CRM_SHARED_DEAL_EVENTS = "crm.shared-deal-events.v1";

    /** Compacted: latest {@code PartnerAccountChanged} per partner; key = partnerId. */
    public static final String PARTNER_ACCOUNTS = "partner.accounts.v1";

    /** Compacted: latest {@code ProductChanged} per product; key = productId. */
    public static final String CRM_PRODUCTS = "crm.products.v1";

    static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /**
     * Dead-letter topic of {@code topic}: same key, the failed record's bytes unchanged, the reason in headers.
     *
     * @param topic the source topic, e.g. {@link #CRM_SHARED_DEAL_EVENTS}
     * @return {@code topic + ".dlt"}
     */
    public static String deadLetter(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        return topic + DEAD_LETTER_SUFFIX;
    }
}
