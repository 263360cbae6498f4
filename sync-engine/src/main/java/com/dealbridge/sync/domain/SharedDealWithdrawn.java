package com.dealbridge.sync.domain;

/** The partner withdrew the registration (final; frees a capacity slot). */
public record SharedDealWithdrawn(EventHeader header, String reason) implements SharedDealEvent {
}
