package com.dealbridge.shareddeal.domain;

/** Which side may change a shared field (DESIGN.md §3). */
public enum FieldPolicy {
    /** Either side, at creation and afterwards. */
    TWO_WAY,
    /** Only the CRM; the partner sees it. */
    CRM_TO_PARTNER,
    /** Set by the partner when it registers the deal; read-only on both sides afterwards. */
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
