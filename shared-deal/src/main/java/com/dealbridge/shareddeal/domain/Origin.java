package com.dealbridge.shareddeal.domain;

/** The side an event or a field value comes from. The declaration order breaks exact HLC ties. */
public enum Origin {
    PARTNER,
    CRM;

    public Origin other() {
        return this == PARTNER ? CRM : PARTNER;
    }
}
