package com.dealbridge.shareddeal.registration;

import com.dealbridge.mongo.embedded.DurableMemoryBackend;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.store.OfflineStore;
import com.dealbridge.shareddeal.store.ProjectionStore;
import com.dealbridge.shareddeal.store.SharedDeals;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two "instances" of one side on one embedded MongoDB-wire server, each with its own client, projection store,
 * writer and registration claims, as two processes sharing the database have; time runs on a settable clock.
 */
final class TwoInstances implements AutoCloseable {

    record Instance(CapacityLedger ledger, Admissions admissions, OfflineStore store) {
        SharedDeals deals() {
            return store.sharedDeals();
        }
    }

    private final MongoServer server = new MongoServer(DurableMemoryBackend.inMemory());
    private final List<MongoClient> clients = new ArrayList<>();
    final MovableClock now = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
    final Instance one;
    final Instance two;

    TwoInstances() {
        InetSocketAddress address = server.bind();
        one = instance(address);
        two = instance(address);
    }

    private Instance instance(InetSocketAddress address) {
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        clients.add(client);
        MongoTemplate mongo = new MongoTemplate(client, "side");
        Clock clock = now;
        RegistrationProperties rules = new RegistrationProperties(true, true, Duration.ofSeconds(30));
        ProjectionStore projections = new ProjectionStore(mongo);
        CapacityLedger ledger = new CapacityLedger(mongo, projections, rules, clock);
        Admissions admissions = new Admissions(new DomainOwnership(mongo, projections, rules, clock), ledger,
                rules.exclusiveDomains());
        return new Instance(ledger, admissions, new OfflineStore(mongo, Origin.PARTNER));
    }

    @Override
    public void close() throws Exception {
        one.store().close();
        two.store().close();
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }
}
