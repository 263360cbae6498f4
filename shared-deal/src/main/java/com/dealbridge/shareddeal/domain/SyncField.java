package com.dealbridge.shareddeal.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The shared fields a sync policy governs, with their default policy and the policies a deployment may choose for
 * them. The defaults are HubSpot's field rules for shared deals (issue 13, ADR 0013): the deal name goes to the CRM
 * once, in the registration; the stage is the vendor's pipeline, so only the CRM moves it; amount, close date and
 * product interest sync both ways. Fields only one side can produce (the CRM's rep assignment, compensation and
 * quotes; the partner's qualifying fields) have a single possible policy.
 */
public enum SyncField {
    DEAL_NAME("dealName", FieldPolicy.PARTNER_TO_CRM_AT_CREATION, EnumSet.allOf(FieldPolicy.class)),
    AMOUNT("amount", FieldPolicy.TWO_WAY, EnumSet.allOf(FieldPolicy.class)),
    CLOSE_DATE("closeDate", FieldPolicy.TWO_WAY, EnumSet.allOf(FieldPolicy.class)),
    STAGE("stage", FieldPolicy.CRM_TO_PARTNER, EnumSet.of(FieldPolicy.TWO_WAY, FieldPolicy.CRM_TO_PARTNER)),
    PRODUCT_INTEREST("productInterest", FieldPolicy.TWO_WAY, EnumSet.allOf(FieldPolicy.class)),
    ASSIGNED_REP("assignedRep", FieldPolicy.CRM_TO_PARTNER, EnumSet.of(FieldPolicy.CRM_TO_PARTNER)),
    PARTNER_COMPENSATION_ELIGIBLE("partnerCompensationEligible", FieldPolicy.CRM_TO_PARTNER,
            EnumSet.of(FieldPolicy.CRM_TO_PARTNER)),
    QUOTES("quotes", FieldPolicy.CRM_TO_PARTNER, EnumSet.of(FieldPolicy.CRM_TO_PARTNER)),
    INTRO_NOTE("introNote", FieldPolicy.PARTNER_TO_CRM_AT_CREATION,
            EnumSet.of(FieldPolicy.PARTNER_TO_CRM_AT_CREATION)),
    PAIN_OR_OPPORTUNITY("painOrOpportunity", FieldPolicy.PARTNER_TO_CRM_AT_CREATION,
            EnumSet.of(FieldPolicy.PARTNER_TO_CRM_AT_CREATION)),
    NEXT_STEPS("nextSteps", FieldPolicy.PARTNER_TO_CRM_AT_CREATION,
            EnumSet.of(FieldPolicy.PARTNER_TO_CRM_AT_CREATION));

    private final String apiName;
    private final FieldPolicy defaultPolicy;
    private final Set<FieldPolicy> allowed;

    SyncField(String apiName, FieldPolicy defaultPolicy, Set<FieldPolicy> allowed) {
        this.apiName = apiName;
        this.defaultPolicy = defaultPolicy;
        this.allowed = allowed;
    }

    /** The field's name in the HTTP API and in error messages, e.g. {@code closeDate}. */
    public String apiName() {
        return apiName;
    }

    /** The kebab-case configuration key, e.g. {@code close-date}. */
    public String configKey() {
        return apiName.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    public FieldPolicy defaultPolicy() {
        return defaultPolicy;
    }

    public Set<FieldPolicy> allowedPolicies() {
        return EnumSet.copyOf(allowed);
    }

    /** By API name, config key, or constant name, ignoring case, dashes and underscores. */
    public static Optional<SyncField> byName(String name) {
        String wanted = normalise(name);
        for (SyncField field : values()) {
            if (normalise(field.apiName).equals(wanted) || normalise(field.name()).equals(wanted)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String name) {
        return name == null ? "" : name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
