package com.dealbridge.shareddeal.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-field sync policy: which side may change which shared field. Both services must run with the same
 * policy; a local change it forbids is refused ({@link SyncPolicyViolation}, 409 at the edge) and a remote event it
 * forbids is refused by the inbox (dead-lettered with the reason), never silently applied or dropped.
 */
public final class SyncPolicy {

    private static final SyncPolicy DEFAULTS = new SyncPolicy(new EnumMap<>(SyncField.class));

    private final Map<SyncField, FieldPolicy> policies;

    private SyncPolicy(Map<SyncField, FieldPolicy> overrides) {
        EnumMap<SyncField, FieldPolicy> all = new EnumMap<>(SyncField.class);
        for (SyncField field : SyncField.values()) {
            all.put(field, overrides.getOrDefault(field, field.defaultPolicy()));
        }
        this.policies = Collections.unmodifiableMap(all);
    }

    /**
     * HubSpot's field rules (ADR 0013): deal name PARTNER_TO_CRM_AT_CREATION, stage CRM_TO_PARTNER, amount, close
     * date and product interest TWO_WAY; rep, compensation, quotes CRM_TO_PARTNER; qualifying fields at creation.
     */
    public static SyncPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A policy from configuration ({@code dealbridge.sync.fields.<field>=<POLICY>}); unset fields keep their default.
     *
     * @throws IllegalArgumentException naming every unknown field, unknown policy, or policy a field cannot have
     */
    public static SyncPolicy of(Map<String, String> configured) {
        EnumMap<SyncField, FieldPolicy> overrides = new EnumMap<>(SyncField.class);
        List<String> problems = new ArrayList<>();
        if (configured != null) {
            configured.forEach((key, value) -> {
                SyncField field = SyncField.byName(key).orElse(null);
                if (field == null) {
                    problems.add("unknown field '" + key + "' (known: " + Arrays.stream(SyncField.values())
                            .map(SyncField::configKey).toList() + ")");
                    return;
                }
                FieldPolicy policy = parse(value);
                if (policy == null) {
                    problems.add(field.configKey() + ": unknown policy '" + value + "' (one of "
                            + Arrays.toString(FieldPolicy.values()) + ")");
                } else if (!field.allowedPolicies().contains(policy)) {
                    problems.add(field.configKey() + ": " + policy + " is not possible for this field (allowed: "
                            + field.allowedPolicies() + ")");
                } else {
                    overrides.put(field, policy);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid dealbridge.sync.fields: " + String.join("; ", problems));
        }
        return new SyncPolicy(overrides);
    }

    private static FieldPolicy parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return FieldPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public FieldPolicy policyOf(SyncField field) {
        return policies.get(field);
    }

    /** Every field with its policy, in declaration order (for status pages and documentation). */
    public Map<SyncField, FieldPolicy> asMap() {
        return policies;
    }

    /** @throws SyncPolicyViolation when {@code side} may not change {@code field} of an existing deal */
    public void checkChange(SyncField field, Origin side) {
        FieldPolicy policy = policyOf(field);
        if (!policy.permitsChange(side)) {
            throw new SyncPolicyViolation(field, policy, side, false);
        }
    }

    /** @throws SyncPolicyViolation when {@code side} may not set {@code field} when registering a deal */
    public void checkCreation(SyncField field, Origin side) {
        FieldPolicy policy = policyOf(field);
        if (!policy.permitsCreation(side)) {
            throw new SyncPolicyViolation(field, policy, side, true);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SyncPolicy that && policies.equals(that.policies);
    }

    @Override
    public int hashCode() {
        return policies.hashCode();
    }

    @Override
    public String toString() {
        return policies.toString();
    }
}
