package com.dealbridge.e2e;

import static com.dealbridge.e2e.CollaborationSteps.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.contracts.tools.GenericEventReader;
import com.dealbridge.shareddeal.domain.Origin;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The topics as another team's consumer sees them (issue 12): every value is in Confluent's wire format, and a reader
 * that knows nothing but the registry's URL (generic records, no generated classes) decodes every event the running
 * services wrote.
 */
class WireFormatEndToEndTest extends CollaborationSystemTest {

    @Test
    void aConsumerKnowingOnlyTheRegistryReadsEveryEventTheServicesWrote() {
        CollaborationSteps.NotedDeal partnerNote = steps.notedDeal("Wire Partners", "Wire format deal", rep,
                Origin.PARTNER, "A note from the partner");
        CollaborationSteps.addNote(system.crm(), rep.token(), partnerNote.id(), "A note from the CRM");

        try (TopicProbe probe = new TopicProbe(system.brokers());
                GenericEventReader reader = new GenericEventReader(AvroCodec.registryUrl().orElseThrow())) {
            await().atMost(WAIT).until(() -> names(reader, probe.recordsFor(Topics.CRM_SHARED_DEAL_EVENTS,
                    partnerNote.id())).contains("SharedNoteAdded"));

            assertThat(names(reader, probe.recordsFor(Topics.PARTNER_SHARED_DEAL_EVENTS, partnerNote.id())))
                    .contains("SharedDealRegistered", "SharedNoteAdded");
            assertThat(names(reader, probe.recordsFor(Topics.CRM_SHARED_DEAL_EVENTS, partnerNote.id())))
                    .contains("SharedDealAssigned", "SharedNoteAdded");
            for (String topic : List.of(Topics.PARTNER_SHARED_DEAL_EVENTS, Topics.CRM_SHARED_DEAL_EVENTS)) {
                assertThat(probe.records(topic)).as(topic).isNotEmpty()
                        .allSatisfy(record -> assertThat(record.value()[0]).as("magic byte").isZero());
            }
            assertThat(probe.records(Topics.PARTNER_ACCOUNTS)).filteredOn(record -> record.value() != null)
                    .isNotEmpty().allSatisfy(record -> assertThat(reader.read(record.topic(), record.value())
                            .getSchema().getName()).isEqualTo("PartnerAccountChanged"));
        }
    }

    private static Set<String> names(GenericEventReader reader, List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(record -> reader.read(record.topic(), record.value()).getSchema().getName())
                .collect(Collectors.toSet());
    }
}
