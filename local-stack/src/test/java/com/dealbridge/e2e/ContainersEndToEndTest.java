package com.dealbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.e2e.DealbridgeSystem.Infrastructure;
import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.e2e.DealbridgeSystem.Rep;
import com.dealbridge.shareddeal.domain.Origin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Both services against what a deployment runs — a MongoDB replica set per service (the image docker-compose
 * pins) and a real Kafka in KRaft mode — instead of the embedded store and the in-JVM broker. The schema registry
 * is the test JVM's own Apicurio process ({@code RegistrySession}): the Avro codec is one per JVM, so the services
 * started here share it. Needs Docker: where no Docker engine answers (as on the CI machine) JUnit reports the
 * class as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersEndToEndTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");
    @Container
    static final MongoDBContainer PARTNER_MONGO = new MongoDBContainer("mongo:7.0.14");
    @Container
    static final MongoDBContainer CRM_MONGO = new MongoDBContainer("mongo:7.0.14");

    private static DealbridgeSystem system;

    @BeforeAll
    static void start() {
        system = DealbridgeSystem.startOn(new Infrastructure(KAFKA.getBootstrapServers(),
                PARTNER_MONGO.getReplicaSetUrl("partner"), CRM_MONGO.getReplicaSetUrl("crm")));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aPartnersNoteReachesTheCrmAndARepsReplyReachesThePartnerOnRealMongoAndKafka() {
        Rep rep = system.newRep("Cora Containers");
        CollaborationSteps steps = new CollaborationSteps(system);
        CollaborationSteps.NotedDeal deal = steps.notedDeal("Container Partners", "Containers deal", rep,
                Origin.PARTNER, "From the partner");

        CollaborationSteps.addNote(system.crm(), rep.token(), deal.id(), "From the rep");

        CollaborationSteps.awaitNotes(system.partner(), deal.user().token(), deal.id(), items -> items.size() == 2);
    }

    @Test
    void aNoteAcknowledgedBeforeARestartIsThereAfterIt() {
        PartnerUser user = system.newPartner("Restart Partners", 3);
        String id = new CollaborationSteps(system).registerOnPartner(user, "Restart deal");
        String noteId = CollaborationSteps.addNote(system.partner(), user.token(), id, "Kept across a restart");

        system.stopPartner();
        system.startPartner();

        assertThat(system.partner().get(CollaborationSteps.note(id, noteId), user.token()).status()).isEqualTo(200);
    }
}
