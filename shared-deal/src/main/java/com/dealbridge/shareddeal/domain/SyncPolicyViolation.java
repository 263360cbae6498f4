package com.dealbridge.shareddeal.domain;

/** A change of a field the sync policy does not allow on that side; the message names the field and the policy. */
public class SyncPolicyViolation extends SyncRuleViolation {

    private final SyncField field;
    private final FieldPolicy policy;

    public SyncPolicyViolation(SyncField field, FieldPolicy policy, Origin side, boolean creation) {
        super(field.apiName() + " is " + policy + ": the " + side + " side may not "
                + (creation ? "set it when registering a deal" : "change it") + explain(policy));
        this.field = field;
        this.policy = policy;
    }

    private static String explain(FieldPolicy policy) {
        return switch (policy) {
            case TWO_WAY -> "";
            case CRM_TO_PARTNER -> " (only the CRM changes it)";
            case PARTNER_TO_CRM_AT_CREATION -> " (the partner sets it at registration; it is read-only afterwards)";
        };
    }

    public SyncField field() {
        return field;
    }

    public FieldPolicy policy() {
        return policy;
    }
}
