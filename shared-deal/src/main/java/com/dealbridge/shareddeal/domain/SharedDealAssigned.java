package com.dealbridge.shareddeal.domain;

/** The CRM assigned a sales rep to the deal. */
public record SharedDealAssigned(EventHeader header, PersonRef rep) implements SharedDealEvent {

    @Override
    public SharedDealAssigned withHeader(EventHeader header) {
        return new SharedDealAssigned(header, rep);
    }
}
