package com.dealbridge.crm.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.mongo.embedded.DurableMemoryBackend;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The rep claim on the embedded MongoDB-wire server, as two crm-service instances use it: each with its own client
 * on one database, claiming at once.
 */
class RepClaimsIntegrationTest {

    private final MongoServer server = new MongoServer(DurableMemoryBackend.inMemory());
    private final List<MongoClient> clients = new ArrayList<>();
    private final RepClaims one;
    private final RepClaims two;

    RepClaimsIntegrationTest() {
        InetSocketAddress address = server.bind();
        one = instance(address);
        two = instance(address);
    }

    private RepClaims instance(InetSocketAddress address) {
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        clients.add(client);
        return new RepClaims(new MongoTemplate(client, "crm"), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }

    @Test
    void instancesClaimingOneDealAtOnceAllGetTheSameRep() throws Exception {
        for (int round = 0; round < 20; round++) {
            String deal = "deal-" + round;
            ExecutorService threads = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                RepClaims claims = i % 2 == 0 ? one : two;
                String rep = "rep-" + i;
                answers.add(threads.submit(() -> {
                    start.await();
                    return claims.claim(deal, rep);
                }));
            }
            start.countDown();
            Set<String> reps = new HashSet<>();
            for (Future<String> answer : answers) {
                reps.add(answer.get());
            }
            threads.shutdown();
            assertThat(reps).as("reps claimed for %s", deal).hasSize(1);
            assertThat(one.claimed(deal)).contains(reps.iterator().next());
            assertThat(two.claimed(deal)).contains(reps.iterator().next());
        }
    }

    @Test
    void aLaterClaimGetsTheRepClaimedFirst() {
        assertThat(one.claim("d", "first")).isEqualTo("first");
        assertThat(two.claim("d", "second")).isEqualTo("first");
        assertThat(two.claimed("other")).isEmpty();
    }

    @Test
    void onlyTheClaimOfTheStaleRepIsReplacedOnce() {
        one.claim("d", "gone");
        assertThat(one.replace("d", "gone", "fresh")).isEqualTo("fresh");
        assertThat(two.replace("d", "gone", "late")).as("the other instance replaced it already")
                .isEqualTo("fresh");
        assertThat(two.claimed("d")).contains("fresh");
    }
}
