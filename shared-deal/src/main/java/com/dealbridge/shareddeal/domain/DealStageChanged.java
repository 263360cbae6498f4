package com.dealbridge.shareddeal.domain;

import java.util.Objects;

/** One side moved the deal to another pipeline stage. */
public record DealStageChanged(EventHeader header, Stage stage) implements SharedDealEvent {

    public DealStageChanged {
        Objects.requireNonNull(stage, "stage");
    }

    @Override
    public DealStageChanged withHeader(EventHeader header) {
        return new DealStageChanged(header, stage);
    }
}
