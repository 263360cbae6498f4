package com.dealbridge.sync.domain;

/** The CRM decided whether the partner is compensated for the deal. */
public record PartnerCompensationEligibilityChanged(EventHeader header, boolean eligible) implements SharedDealEvent {
}
