package com.dealbridge.sync.domain;

import java.util.Objects;

/** One side moved the deal to another pipeline stage. */
public record DealStageChanged(EventHeader header, Stage stage) implements SharedDealEvent {

    public DealStageChanged {
        Objects.requireNonNull(stage, "stage");
    }
}
