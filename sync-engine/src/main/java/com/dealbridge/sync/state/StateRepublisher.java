package com.dealbridge.sync.state;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/** At start-up, republishes every compacted state source (see {@link CompactedStateSource}). */
public class StateRepublisher implements ApplicationListener<ApplicationReadyEvent> {

    private final StatePublisher publisher;
    private final ObjectProvider<CompactedStateSource> sources;

    public StateRepublisher(StatePublisher publisher, ObjectProvider<CompactedStateSource> sources) {
        this.publisher = publisher;
        this.sources = sources;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        List<CompactedStateSource> all = sources.orderedStream().toList();
        publisher.republish(all);
    }
}
