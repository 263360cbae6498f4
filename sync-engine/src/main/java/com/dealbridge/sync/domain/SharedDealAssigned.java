package com.dealbridge.sync.domain;

/** The CRM assigned a sales rep to the deal. */
public record SharedDealAssigned(EventHeader header, PersonRef rep) implements SharedDealEvent {
}
