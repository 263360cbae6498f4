package com.dealbridge.shareddeal.domain;

/** The partner withdrew the registration (final; frees a capacity slot). */
public record SharedDealWithdrawn(EventHeader header, String reason) implements SharedDealEvent {

    @Override
    public SharedDealWithdrawn withHeader(EventHeader header) {
        return new SharedDealWithdrawn(header, reason);
    }
}
