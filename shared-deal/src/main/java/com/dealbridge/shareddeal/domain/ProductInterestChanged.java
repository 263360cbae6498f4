package com.dealbridge.shareddeal.domain;

import java.util.List;

/** One side replaced the deal's product interest. */
public record ProductInterestChanged(EventHeader header, List<String> productIds) implements SharedDealEvent {

    public ProductInterestChanged {
        productIds = productIds == null ? List.of() : List.copyOf(productIds);
    }

    @Override
    public ProductInterestChanged withHeader(EventHeader header) {
        return new ProductInterestChanged(header, productIds);
    }
}
