package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.e2e.DealbridgeSystem.Rep;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of each service on the same stores and consumer groups, as a scaled-out deployment: clients write
 * notes to the same deals through all four at once; each instance relays its own writes and the inbox partitions are
 * shared, and every note is on both sides exactly once, with nothing parked or dead-lettered.
 */
class TwoInstancesEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int DEALS = 4;
    private static final int NOTES_PER_WRITER = 25;

    private static DealbridgeSystem system;
    private static List<ApiClient> partners;
    private static List<ApiClient> crms;

    @BeforeAll
    static void start() {
        system = DealbridgeSystem.start();
        partners = List.of(system.partner(), system.startAnotherPartner());
        crms = List.of(system.crm(), system.startAnotherCrm());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void twoInstancesOfEachSideRelayAndApplyEveryNoteExactlyOnce() throws Exception {
        PartnerUser user = system.newPartner("Scaled Partners", 10);
        Rep rep = system.newRep("Sam Scale");
        CollaborationSteps steps = new CollaborationSteps(system);
        List<String> deals = new ArrayList<>();
        for (int i = 0; i < DEALS; i++) {
            deals.add(steps.registerOnPartner(user, "Scaled deal " + i));
        }
        Map<String, Set<String>> written = new ConcurrentHashMap<>();
        deals.forEach(deal -> written.put(deal, ConcurrentHashMap.newKeySet()));

        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            // writers 0-3 on the two partner instances, 4-7 on the two CRM instances, every one on every deal
            ApiClient api = writer < 4 ? partners.get(writer % 2) : crms.get(writer % 2);
            String token = writer < 4 ? user.token() : rep.token();
            done.add(writers.submit(() -> {
                for (int i = 0; i < NOTES_PER_WRITER; i++) {
                    String deal = deals.get((writer + i) % DEALS);
                    written.get(deal).add(CollaborationSteps.addNote(api, token, deal,
                            "note " + i + " of writer " + writer));
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        writers.shutdown();

        for (String deal : deals) {
            Set<String> expected = written.get(deal);
            for (ApiClient partner : partners) {
                await().atMost(WAIT).untilAsserted(() -> assertThat(noteIds(partner, user.token(), deal))
                        .isEqualTo(expected));
            }
            for (ApiClient crm : crms) {
                await().atMost(WAIT).untilAsserted(() -> assertThat(noteIds(crm, rep.token(), deal))
                        .isEqualTo(expected));
            }
        }
        assertThat(received(system.crmMongoUri(), "crm", "PARTNER")).as("partner notes in the CRM's log")
                .isEqualTo(4L * NOTES_PER_WRITER);
        assertThat(received(system.partnerMongoUri(), "partner", "CRM")).as("CRM notes in the partner's log")
                .isEqualTo(4L * NOTES_PER_WRITER);
        for (Map.Entry<String, String> store : Map.of(system.partnerMongoUri(), "partner", system.crmMongoUri(),
                "crm").entrySet()) {
            assertThat(count(store.getKey(), store.getValue(), "change_log", Filters.eq("parked", true))).isZero();
            assertThat(count(store.getKey(), store.getValue(), "dead_letters", Filters.empty())).isZero();
        }
        for (String deal : deals) {
            assertThat(assignments(user, deal)).as("one rep assignment for deal %s", deal).isEqualTo(1);
        }
    }

    private static Set<String> noteIds(ApiClient api, String token, String deal) {
        ApiResponse list = ok(api.get(CollaborationSteps.notes(deal) + "?size=500", token), 200);
        Set<String> ids = new HashSet<>();
        list.node("/items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static long assignments(PartnerUser user, String deal) {
        long assigned = 0;
        for (var item : ok(system.partner().get("/api/shared-deals/" + deal + "/shared-activity", user.token()),
                200).node("/items")) {
            if ("ASSIGNED".equals(item.get("type").asString())) {
                assigned++;
            }
        }
        return assigned;
    }

    /** SharedNoteAdded entries the other side's instances received from {@code origin}, in one store's log. */
    private static long received(String uri, String database, String origin) {
        return count(uri, database, "change_log", Filters.and(Filters.eq("origin", origin),
                Filters.eq("type", "SharedNoteAdded")));
    }

    private static long count(String uri, String database, String collection, org.bson.conversions.Bson filter) {
        try (MongoClient client = MongoClients.create(uri)) {
            return client.getDatabase(database).getCollection(collection).countDocuments(filter);
        }
    }
}
