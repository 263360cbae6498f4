package com.dealbridge.shareddeal.domain;

/** Which side may change a shared field (DESIGN.md §3). */
public enum FieldPolicy {
    /** Either side, at creation and afterwards. */
    TWO_WAY,
    /** Only the CRM; the partner sees it. */
    CRM_TO_PARTNER,
    /**
     * Goes to the CRM once, in the registration; read-only on both sides of the shared deal afterwards (HubSpot's
     * rule for the deal name). The qualifying fields only the partner sets; a name every registration has, so a
     * rep's conversion names the shared deal too. The CRM's own deal record keeps its own name (crm-service).
     */
    PARTNER_TO_CRM_AT_CREATION;

    /** Whether {@code side} may change the field of an existing deal. */
    public boolean permitsChange(Origin side) {
        return switch (this) {
            case TWO_WAY -> true;
            case CRM_TO_PARTNER -> side == Origin.CRM;
            case PARTNER_TO_CRM_AT_CREATION -> false;
        };
    }

    /** Whether {@code side} may set the field when it registers the deal. */
    public boolean permitsCreation(Origin side) {
        return switch (this) {
            case TWO_WAY -> true;
            case CRM_TO_PARTNER -> side == Origin.CRM;
            case PARTNER_TO_CRM_AT_CREATION -> side == Origin.PARTNER;
        };
    }
}
