package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.e2e.DealbridgeSystem.Rep;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registered domains through both services, the real broker and both stores, with two instances of each service:
 * the domain a partner registers reaches the CRM, a rep's conversion on a domain the partner already holds takes no
 * further slot, a domain another partner holds makes a registration UNAVAILABLE on both sides, and concurrent
 * registrations through both instances of a side never exceed the capacity.
 */
class RegisteredDomainsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static DealbridgeSystem system;
    private static List<ApiClient> partners;
    private static List<ApiClient> crms;
    private static Rep rep;

    @BeforeAll
    static void start() {
        // the program protects the first partner to register a domain (both services configured alike)
        system = DealbridgeSystem.start(Map.of("dealbridge.registration.exclusive-domains", "true"));
        partners = List.of(system.partner(), system.startAnotherPartner());
        crms = List.of(system.crm(), system.startAnotherCrm());
        rep = system.newRep("Dana Domain");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aConversionOnADomainThePartnerRegisteredTakesNoFurtherSlotAndCapacityCountsDomains() {
        PartnerUser user = system.newPartner("One Domain Partners", 1);
        awaitKnownOnCrm(user);
        String company = ok(system.partner().post("/api/companies", user.token(),
                Map.of("name", "Example Inc", "domain", "www.Example.COM")), 201).json("/id");
        String id = ok(system.partner().post("/api/shared-deals", user.token(),
                registration("COMPANY", company, "Example rollout")), 201).json("/id");
        ApiResponse onCrm = awaitCrm(id);
        assertThat(onCrm.json("/registeredDomain")).isEqualTo("example.com");
        // decided by the CRM (a rep assigned) before the vendor opens a deal of its own on the domain, which would
        // otherwise make the registration UNAVAILABLE (VendorDealConflictEndToEndTest)
        await().atMost(WAIT).until(() -> !system.crm().get("/api/shared-deals/" + id, rep.token())
                .node("/assignedRep").isNull());

        String converted = ok(crms.get(1).post("/api/deals/" + crmDeal("sales.example.com") + "/convert-to-shared",
                rep.token(), convert(user)), 201).json("/id");
        ApiResponse onPartner = awaitPartner(user, converted);
        assertThat(onPartner.json("/registeredDomain")).isEqualTo("example.com");
        assertThat(onPartner.json("/registeredBy")).isEqualTo("CRM");

        ApiResponse full = crms.get(0).post("/api/deals/" + crmDeal("globex.com") + "/convert-to-shared",
                rep.token(), convert(user));
        assertThat(full.status()).as("a second domain needs a second slot: %s", full).isEqualTo(409);
        assertThat(full.json("/detail")).contains("capacity").contains("globex.com");
        String globex = ok(system.partner().post("/api/companies", user.token(),
                Map.of("name", "Globex", "domain", "globex.com")), 201).json("/id");
        assertThat(partners.get(1).post("/api/shared-deals", user.token(),
                registration("COMPANY", globex, "Globex")).status()).isEqualTo(409);
    }

    @Test
    void aDomainAnotherPartnerRegisteredMakesTheSecondRegistrationUnavailableOnBothSidesUsingNoCapacity() {
        PartnerUser first = system.newPartner("First Come Partners", 1);
        PartnerUser second = system.newPartner("Second Come Partners", 1);
        String held = ok(system.partner().post("/api/shared-deals", first.token(), registration("COMPANY",
                company(first, "initrode.com"), "Initrode for the first")), 201).json("/id");
        awaitCrm(held);

        ApiResponse unavailable = ok(partners.get(1).post("/api/shared-deals", second.token(), registration("COMPANY",
                company(second, "www.Initrode.com"), "Initrode for the second")), 201);
        String id = unavailable.json("/id");
        assertThat(unavailable.json("/registrationState")).isEqualTo("UNAVAILABLE");
        assertThat(unavailable.json("/unavailableReason")).isEqualTo("initrode.com is already registered by another"
                + " partner").doesNotContain(first.name()).doesNotContain("First Come");
        assertThat(unavailable.json("/unavailableAt")).isNotNull();
        assertThat(unavailable.node("/registeredAt").isNull()).isTrue();
        assertThat(unavailable.json("/status")).isEqualTo("ACTIVE");

        ApiResponse onCrm = awaitCrm(id);
        assertThat(onCrm.json("/registrationState")).isEqualTo("UNAVAILABLE");
        assertThat(onCrm.json("/unavailableReason")).isEqualTo(unavailable.json("/unavailableReason"));
        assertThat(ok(system.crm().get("/api/shared-deals?registrationState=UNAVAILABLE&size=500", rep.token()), 200)
                .node("/items").findValuesAsString("id")).contains(id).doesNotContain(held);
        ApiResponse listed = ok(system.partner().get("/api/shared-deals?registrationState=UNAVAILABLE",
                second.token()), 200);
        assertThat(listed.size("/items")).isEqualTo(1);
        assertThat(listed.json("/items/0/id")).isEqualTo(id);
        assertThat(ok(system.partner().get("/api/shared-deals?registrationState=REGISTERED", second.token()), 200)
                .size("/items")).isZero();
        assertThat(system.partner().get("/api/shared-deals?registrationState=SOMETIMES", second.token()).status())
                .isEqualTo(400);
        assertThat(ok(system.partner().get("/api/deals?activeDealRegistrations=1", second.token()), 200)
                .size("/items")).as("an unavailable registration is no active registration").isZero();

        // it used no capacity: the second partner's only slot is still free for another domain
        ApiResponse own = ok(system.partner().post("/api/shared-deals", second.token(), registration("COMPANY",
                company(second, "umbrella.com"), "Umbrella")), 201);
        assertThat(own.json("/registrationState")).isEqualTo("REGISTERED");
        assertThat(own.json("/registeredAt")).isNotNull();
        assertThat(awaitCrm(own.json("/id")).json("/registrationState")).isEqualTo("REGISTERED");
        // the CRM assigns a rep to the registered deal, made after the unavailable one, but none to work the latter
        await().atMost(WAIT).until(() -> system.crm().get("/api/shared-deals/" + own.json("/id"), rep.token())
                .json("/assignedRep/id") != null);
        assertThat(awaitCrm(id).node("/assignedRep").isNull()).isTrue();

        ok(system.partner().delete("/api/shared-deals/" + id, second.token()), 204);
        await().atMost(WAIT).until(() -> "WITHDRAWN".equals(system.crm().get("/api/shared-deals/" + id, rep.token())
                .json("/registrationState")));
        ApiResponse withdrawn = ok(system.partner().get("/api/shared-deals/" + id, second.token()), 200);
        assertThat(withdrawn.json("/registrationState")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.node("/unavailableReason").isNull()).isTrue();
    }

    @Test
    void concurrentRegistrationsThroughTwoInstancesOfEachSideNeverExceedTheCapacityNorAssignTwoReps()
            throws Exception {
        system.newRep("Rita Racer"); // a second rep to choose from, so two instances could pick different ones
        PartnerUser user = system.newPartner("Racing Partners", 3);
        PartnerUser converted = system.newPartner("Converted Partners", 3);
        awaitKnownOnCrm(user);
        awaitKnownOnCrm(converted);
        List<String> companies = new ArrayList<>();
        List<String> crmDeals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            companies.add(ok(system.partner().post("/api/companies", user.token(),
                    Map.of("name", "Racer " + i, "domain", "racer" + i + ".com")), 201).json("/id"));
        }
        for (int i = 0; i < 25; i++) {
            crmDeals.add(crmDeal("converted" + (i % 6) + ".com"));
        }
        ExecutorService threads = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> partnerAnswers = new ArrayList<>();
        List<Future<Integer>> crmAnswers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ApiClient partner = partners.get(i % 2);
            ApiClient crm = crms.get(i % 2);
            Map<String, Object> registration = registration("COMPANY", companies.get(i % 6), "Race " + i);
            String crmDeal = crmDeals.get(i);
            partnerAnswers.add(threads.submit(() -> {
                start.await();
                return partner.post("/api/shared-deals", user.token(), registration).status();
            }));
            crmAnswers.add(threads.submit(() -> {
                start.await();
                return crm.post("/api/deals/" + crmDeal + "/convert-to-shared", rep.token(), convert(converted))
                        .status();
            }));
        }
        start.countDown();
        List<Integer> registered = statuses(partnerAnswers);
        List<Integer> conversions = statuses(crmAnswers);
        threads.shutdown();

        assertThat(registered).containsOnly(201, 409).contains(201, 409);
        assertThat(conversions).containsOnly(201, 409).contains(201, 409);
        for (PartnerUser partner : List.of(user, converted)) {
            List<Integer> answers = partner == user ? registered : conversions;
            long accepted = answers.stream().filter(status -> status == 201).count();
            await().atMost(WAIT).untilAsserted(() -> {
                List<String> onPartner = domains(system.partner(), partner.token());
                List<String> onCrm = domains(system.crm(), rep.token()).stream()
                        .filter(d -> d.startsWith(partner == user ? "racer" : "converted")).toList();
                assertThat(onPartner).hasSize((int) accepted);
                assertThat(onCrm).hasSize((int) accepted);
            });
            assertThat(domains(system.partner(), partner.token()).stream().distinct().count())
                    .as("distinct domains of %s", partner.name()).isEqualTo(3);
        }
        // each partner registration gets exactly one rep, whichever crm-service instance applied or swept it
        List<String> ids = new ArrayList<>();
        ok(system.partner().get("/api/shared-deals?size=500", user.token()), 200).node("/items")
                .forEach(item -> ids.add(item.get("id").asText())); // the items' own ids, not their people's
        assertThat(ids).isNotEmpty();
        for (String id : ids) {
            await().atMost(WAIT).until(() -> system.crm().get("/api/shared-deals/" + id, rep.token())
                    .json("/assignedRep/id") != null);
            String assigned = system.crm().get("/api/shared-deals/" + id, rep.token()).json("/assignedRep/id");
            List<String> assignments = ok(system.crm().get("/api/shared-deals/" + id + "/shared-activity?size=200",
                    rep.token()), 200).node("/items").findValuesAsString("repId");
            assertThat(assignments).as("reps assigned to %s", id).containsOnly(assigned);
        }
    }

    private static String company(PartnerUser user, String domain) {
        return RegistrationSteps.company(system, user, domain);
    }

    private static List<Integer> statuses(List<Future<Integer>> answers) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        return statuses;
    }

    private static List<String> domains(ApiClient api, String token) {
        return ok(api.get("/api/shared-deals?size=500", token), 200).node("/items")
                .findValuesAsString("registeredDomain");
    }

    private static void awaitKnownOnCrm(PartnerUser user) {
        RegistrationSteps.awaitKnownOnCrm(system, rep, user);
    }

    private static ApiResponse awaitCrm(String id) {
        ApiResponse[] seen = new ApiResponse[1];
        await().atMost(WAIT).until(() -> {
            seen[0] = system.crm().get("/api/shared-deals/" + id, rep.token());
            return seen[0].status() == 200;
        });
        return seen[0];
    }

    private static ApiResponse awaitPartner(PartnerUser user, String id) {
        ApiResponse[] seen = new ApiResponse[1];
        await().atMost(WAIT).until(() -> {
            seen[0] = system.partner().get("/api/shared-deals/" + id, user.token());
            return seen[0].status() == 200;
        });
        return seen[0];
    }

    private static String crmDeal(String domain) {
        return RegistrationSteps.crmDeal(system, rep, domain);
    }

    private static Map<String, Object> convert(PartnerUser user) {
        return RegistrationSteps.convert(user);
    }

    private static Map<String, Object> registration(String sourceType, String sourceId, String dealName) {
        return RegistrationSteps.registration(sourceType, sourceId, dealName);
    }
}
