package com.dealbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.e2e.DealbridgeSystem.Rep;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.local.ServiceJvm;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two crm-service instances share the inbox's consumer group; one, in a process of its own, is killed with
 * {@code kill -9}. Its partitions move to the survivor once the group notices (the inbox's session timeout, 10 s by
 * default, not the client's 45 s), and every partner event written meanwhile is applied there. Prints the time from
 * the kill until the last of them is visible.
 */
class ConsumerFailoverEndToEndTest {

    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    private static final int DEALS = 6;
    private static final String CRM_SYNC_GROUP = "crm-service.sync";

    private static DealbridgeSystem system;
    private static CollaborationSteps steps;

    @BeforeAll
    static void start() {
        // one consumer per instance, so that with three partitions each instance surely holds one
        system = DealbridgeSystem.start(Map.of("dealbridge.sync.inbox.concurrency", "1"));
        steps = new CollaborationSteps(system);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aKilledInstancesPartitionsAreAppliedByTheOtherWithinTheSessionTimeout() throws Exception {
        PartnerUser user = system.newPartner("Failover Partners", 10);
        Rep rep = system.newRep("Fred Failover");
        List<String> deals = new ArrayList<>();
        for (int i = 0; i < DEALS; i++) {
            deals.add(steps.registerOnPartner(user, "Failover deal " + i));
        }
        ServiceJvm second = secondCrm(freePort());
        second.start(Duration.ofMinutes(2));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> membersWithPartitions() == 2);
            // both instances hold partitions once the group has rebalanced: a note on every deal still arrives
            ApiClient crm = system.crm();
            for (String deal : deals) {
                String note = CollaborationSteps.addNote(system.partner(), user.token(), deal, "before the kill");
                await().atMost(Duration.ofSeconds(60)).until(() -> crm.get(CollaborationSteps.note(deal, note),
                        rep.token()).status() == 200);
            }

            second.kill();
            long killed = System.nanoTime();
            List<String> notes = new ArrayList<>();
            for (String deal : deals) {
                notes.add(CollaborationSteps.addNote(system.partner(), user.token(), deal, "after the kill"));
            }
            for (int i = 0; i < DEALS; i++) {
                String deal = deals.get(i);
                String note = notes.get(i);
                await().atMost(SESSION_TIMEOUT.multipliedBy(3)).until(() -> crm.get(
                        CollaborationSteps.note(deal, note), rep.token()).status() == 200);
            }
            double seconds = (System.nanoTime() - killed) / 1e9;
            System.out.printf("consumer failover: every event applied by the surviving instance %.1f s after the "
                    + "kill (session timeout %d s)%n", seconds, SESSION_TIMEOUT.toSeconds());
            assertThat(seconds).isLessThan(SESSION_TIMEOUT.multipliedBy(3).toSeconds());
        } finally {
            second.kill();
        }
    }

    private static ServiceJvm secondCrm(int port) {
        List<String> args = List.of(
                "--spring.kafka.bootstrap-servers=" + system.brokers(),
                "--spring.mongodb.uri=" + system.crmMongoUri(),
                "--dealbridge.mongodb.embedded.enabled=false",
                "--dealbridge.security.admin-token=" + DealbridgeSystem.CRM_ADMIN,
                "--dealbridge.sync.relay.sweep-interval=500ms",
                "--dealbridge.sync.inbox.concurrency=1",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
        return new ServiceJvm("crm-service", "com.dealbridge.crm.CrmServiceApplication", port,
                ServiceJvm.DEFAULT_OPTIONS, args, Path.of("target/failover-test/crm-service.log"));
    }

    /** Members of the CRM's sync group that hold at least one partition. */
    private static long membersWithPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.brokers()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(CRM_SYNC_GROUP)).all().get()
                    .get(CRM_SYNC_GROUP);
            return group.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
