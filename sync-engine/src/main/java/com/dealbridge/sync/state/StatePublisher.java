package com.dealbridge.sync.state;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes keyed state to compacted topics with the engine's idempotent producer. */
public class StatePublisher {

    private static final Logger log = LoggerFactory.getLogger(StatePublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;

    public StatePublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /** Sends the latest state for {@code key}; a failure is logged and healed by the next start-up republish. */
    public CompletableFuture<?> publish(String topic, String key, byte[] state) {
        return kafka.send(topic, key, state).whenComplete((result, failure) -> {
            if (failure != null) {
                log.warn("could not publish {} to {} (the next start republishes it)", key, topic, failure);
            }
        });
    }

    void republish(List<CompactedStateSource> sources) {
        for (CompactedStateSource source : sources) {
            Map<String, byte[]> state = source.currentState();
            state.forEach((key, value) -> publish(source.topic(), key, value));
            log.info("republished {} record(s) to {}", state.size(), source.topic());
        }
    }
}
