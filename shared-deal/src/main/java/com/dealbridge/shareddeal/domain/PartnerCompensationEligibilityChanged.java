package com.dealbridge.shareddeal.domain;

/** The CRM decided whether the partner is compensated for the deal. */
public record PartnerCompensationEligibilityChanged(EventHeader header, boolean eligible) implements SharedDealEvent {

    @Override
    public PartnerCompensationEligibilityChanged withHeader(EventHeader header) {
        return new PartnerCompensationEligibilityChanged(header, eligible);
    }
}
