package com.dealbridge.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * A sync delay as long as a test needs: every crm-service instance stops applying the partner's events (their inbox
 * consumers pause; what the partner publishes waits in its topic) until resumed.
 */
final class CrmInbox {

    /** The sync engine's consumer of the other side's events (its {@code @KafkaListener} id). */
    private static final String LISTENER = "dealbridge-sync-inbox";

    private CrmInbox() {
    }

    /** Returns once every consumer has paused, so nothing the partner publishes afterwards is applied. */
    static void pause(DealbridgeSystem system) {
        containers(system).forEach(MessageListenerContainer::pause);
        await().atMost(Duration.ofSeconds(30)).until(() -> containers(system).stream()
                .allMatch(CrmInbox::paused));
    }

    /** Each consumer has paused its partitions; one that holds none (more consumers than partitions) reads nothing. */
    private static boolean paused(MessageListenerContainer container) {
        List<? extends MessageListenerContainer> consumers = container instanceof
                ConcurrentMessageListenerContainer<?, ?> concurrent ? concurrent.getContainers() : List.of(container);
        return consumers.stream().allMatch(consumer -> consumer.isContainerPaused()
                || consumer.getAssignedPartitions() == null || consumer.getAssignedPartitions().isEmpty());
    }

    static void resume(DealbridgeSystem system) {
        containers(system).forEach(MessageListenerContainer::resume);
    }

    private static List<MessageListenerContainer> containers(DealbridgeSystem system) {
        return system.crmBeans(KafkaListenerEndpointRegistry.class).stream()
                .map(registry -> registry.getListenerContainer(LISTENER)).toList();
    }
}
