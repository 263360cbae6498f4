package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.CRM_ADMIN;
import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.e2e.DealbridgeSystem.Rep;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.Registration;
import com.dealbridge.shareddeal.domain.SharedDeal;
import com.dealbridge.shareddeal.domain.SharedDealEvent;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.store.OfflineStore;
import com.dealbridge.sync.clock.HybridLogicalClock;
import com.dealbridge.sync.clock.SyncClock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 4 across both services and one broker: product interest, details and stage both ways as the sync policy
 * allows, forbidden edits, conversion of CRM deals, capacity, quotes to closed won with the partner's banner, the
 * tracking view, and the catalogue's replay from its compacted topic. Both services run with stage and deal name
 * {@code TWO_WAY} (set explicitly: the default is HubSpot's rules since ADR 0013, see
 * {@link DefaultPolicyEndToEndTest}), so that concurrent edits of them from both sides are tested.
 */
class LifecycleEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A real SMTP server: without one the notification consumer retries its first mail and holds up the rest. */
    private static final int SMTP_PORT = freePort();
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP));
    private static DealbridgeSystem system;
    private static Rep rep;

    @BeforeAll
    static void startSystem() {
        SMTP.start();
        system = DealbridgeSystem.start(Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(SMTP_PORT),
                "dealbridge.sync.fields.stage", "TWO_WAY",
                "dealbridge.sync.fields.deal-name", "TWO_WAY"));
        rep = system.newRep("Lena Lifecycle");
    }

    @AfterAll
    static void stopSystem() {
        system.close();
        SMTP.stop();
    }

    @Test
    void productInterestSetOnEitherSideShowsWithNamesOnTheOther() {
        String helpdesk = product("Helpdesk Pro", "499.00");
        String sso = product("Single Sign-On", "99.00");
        PartnerUser user = system.newPartner("Product Partners", 5);
        String id = registerOnPartner(user, "Globex helpdesk");

        ok(system.partner().put("/api/shared-deals/" + id + "/product-interest", user.token(),
                Map.of("productIds", List.of(helpdesk))), 200);
        ApiResponse onCrm = awaitCrm(id, deal -> deal.node("/productInterest").size() == 1);
        assertThat(onCrm.json("/productInterest/0/id")).isEqualTo(helpdesk);
        assertThat(onCrm.json("/productInterest/0/name")).isEqualTo("Helpdesk Pro");

        ok(system.crm().put("/api/shared-deals/" + id + "/product-interest", rep.token(),
                Map.of("productIds", List.of(sso, helpdesk))), 200);
        ApiResponse onPartner = awaitPartner(user, id, deal -> deal.node("/productInterest").size() == 2);
        assertThat(onPartner.node("/productInterest").findValuesAsString("name"))
                .containsExactly("Single Sign-On", "Helpdesk Pro");

        for (ApiResponse unknown : List.of(
                system.partner().put("/api/shared-deals/" + id + "/product-interest", user.token(),
                        Map.of("productIds", List.of("no-such-product"))),
                system.crm().put("/api/shared-deals/" + id + "/product-interest", rep.token(),
                        Map.of("productIds", List.of(sso, "no-such-product"))))) {
            assertThat(unknown.status()).as("%s", unknown).isEqualTo(422);
            assertThat(unknown.json("/detail")).contains("no-such-product");
        }
    }

    @Test
    void detailsAndStageEditedOnEitherSideReachTheOther() {
        PartnerUser user = system.newPartner("Detail Partners", 5);
        String id = registerOnPartner(user, "Initech rollout");

        ok(system.partner().patch("/api/shared-deals/" + id, user.token(), Map.of("dealName", "Initech EU rollout",
                "amount", "15000.50", "closeDate", "2027-02-28", "stage", "QUALIFIED_TO_BUY")), 200);
        ApiResponse onCrm = awaitCrm(id, deal -> "QUALIFIED_TO_BUY".equals(deal.json("/stage")));
        assertThat(onCrm.json("/dealName")).isEqualTo("Initech EU rollout");
        assertThat(onCrm.json("/amount")).isEqualTo("15000.50");
        assertThat(onCrm.json("/closeDate")).isEqualTo("2027-02-28");

        ok(system.crm().patch("/api/shared-deals/" + id, rep.token(), Map.of("amount", 18000,
                "stage", "PRESENTATION_SCHEDULED", "dealName", "Initech global rollout")), 200);
        ApiResponse onPartner = awaitPartner(user, id, deal -> "PRESENTATION_SCHEDULED".equals(deal.json("/stage")));
        assertThat(onPartner.json("/amount")).isEqualTo("18000");
        assertThat(onPartner.json("/dealName")).isEqualTo("Initech global rollout");
        assertThat(onPartner.json("/closeDate")).isEqualTo("2027-02-28");
        assertThat(ok(system.partner().get("/api/shared-deals/" + id + "/shared-activity", user.token()), 200)
                .node("/items").findValuesAsString("type")).contains("DETAILS_CHANGED", "STAGE_CHANGED");

        // each side's own deal record follows its shared deal
        await().atMost(WAIT).untilAsserted(() -> {
            ApiResponse crmDeal = ok(system.crm().get("/api/deals/" + onCrm.json("/dealId"), rep.token()), 200);
            assertThat(crmDeal.json("/stage")).isEqualTo("PRESENTATION_SCHEDULED");
            assertThat(crmDeal.json("/amount")).isEqualTo("18000.00");
            assertThat(crmDeal.json("/closeDate")).isEqualTo("2027-02-28");
            ApiResponse partnerDeal = ok(system.partner().get("/api/deals/" + onPartner.json("/dealId"),
                    user.token()), 200);
            assertThat(partnerDeal.json("/name")).isEqualTo("Initech global rollout");
            assertThat(partnerDeal.json("/amount")).isEqualTo("18000.00");
            assertThat(partnerDeal.json("/closeDate")).isEqualTo("2027-02-28");
        });

        ApiResponse badStage = system.crm().patch("/api/shared-deals/" + id, rep.token(), Map.of("stage", "WON"));
        assertThat(badStage.status()).isEqualTo(422);
        assertThat(badStage.node("/errors").findValuesAsString("field")).contains("stage");
    }

    @Test
    void concurrentStageEditsConvergeToTheSameValueOnBothSides() {
        PartnerUser user = system.newPartner("Racing Partners", 5);
        String id = registerOnPartner(user, "Hooli race");

        for (String[] stages : List.of(new String[] {"QUALIFIED_TO_BUY", "CONTRACT_SENT"},
                new String[] {"DECISION_MAKER_BOUGHT_IN", "PRESENTATION_SCHEDULED"})) {
            CompletableFuture<ApiResponse> onPartner = CompletableFuture.supplyAsync(() -> system.partner()
                    .patch("/api/shared-deals/" + id, user.token(), Map.of("stage", stages[0])));
            CompletableFuture<ApiResponse> onCrm = CompletableFuture.supplyAsync(() -> system.crm()
                    .patch("/api/shared-deals/" + id, rep.token(), Map.of("stage", stages[1])));
            assertThat(onPartner.join().status()).isEqualTo(200);
            assertThat(onCrm.join().status()).isEqualTo(200);

            await().atMost(WAIT).until(() -> {
                ApiResponse partnerSide = system.partner().get("/api/shared-deals/" + id, user.token());
                ApiResponse crmSide = system.crm().get("/api/shared-deals/" + id, rep.token());
                return "IN_SYNC".equals(partnerSide.json("/syncState")) && "IN_SYNC".equals(crmSide.json("/syncState"))
                        && activityCount(partnerSide, user) == activityCount(crmSide, null)
                        && partnerSide.json("/stage").equals(crmSide.json("/stage"));
            });
            String converged = system.partner().get("/api/shared-deals/" + id, user.token()).json("/stage");
            assertThat(converged).isIn((Object[]) stages);
            assertThat(system.crm().get("/api/shared-deals/" + id, rep.token()).json("/stage")).isEqualTo(converged);
        }
    }

    @Test
    void aForbiddenEditGets409AndNothingIsPublished() {
        PartnerUser user = system.newPartner("Forbidden Partners", 5);
        String id = registerOnPartner(user, "Vandelay import");

        ApiResponse compensation = system.partner().patch("/api/shared-deals/" + id, user.token(),
                Map.of("partnerCompensationEligible", true, "stage", "CONTRACT_SENT"));
        assertThat(compensation.status()).isEqualTo(409);
        assertThat(compensation.isProblem()).isTrue();
        assertThat(compensation.json("/detail")).contains("partnerCompensationEligible").contains("CRM_TO_PARTNER");
        ApiResponse intro = system.partner().patch("/api/shared-deals/" + id, user.token(),
                Map.of("introNote", "Rewritten intro"));
        assertThat(intro.status()).isEqualTo(409);
        assertThat(intro.json("/detail")).contains("introNote").contains("PARTNER_TO_CRM_AT_CREATION");
        ApiResponse quoteOnPartner = system.partner().post("/api/shared-deals/" + id + "/quotes", user.token(),
                Map.of("title", "Self-made quote"));
        assertThat(quoteOnPartner.status()).isIn(404, 405);

        ApiResponse unchanged = ok(system.partner().get("/api/shared-deals/" + id, user.token()), 200);
        assertThat(unchanged.json("/stage")).as("the whole patch was refused").isEqualTo("APPOINTMENT_SCHEDULED");
        assertThat(unchanged.node("/partnerCompensationEligible").asBoolean()).isFalse();
        try (TopicProbe probe = new TopicProbe(system.brokers())) {
            assertThat(probe.recordsFor(Topics.PARTNER_SHARED_DEAL_EVENTS, id))
                    .as("only the registration was published")
                    .extracting(record -> AvroCodec.decode(record.value()).getSchema().getName())
                    .containsExactly("SharedDealRegistered");
        }

        // both sides run the same policy, and show it to operators
        ApiResponse partnerStatus = ok(system.partner().get("/admin/sync/status", DealbridgeSystem.PARTNER_ADMIN), 200);
        ApiResponse crmStatus = ok(system.crm().get("/admin/sync/status", CRM_ADMIN), 200);
        assertThat(partnerStatus.json("/syncPolicy/partnerCompensationEligible")).isEqualTo("CRM_TO_PARTNER");
        assertThat(partnerStatus.json("/syncPolicy/stage")).isEqualTo("TWO_WAY");
        assertThat(partnerStatus.node("/syncPolicy")).isEqualTo(crmStatus.node("/syncPolicy"));

        // the CRM may: compensation eligibility is CRM_TO_PARTNER
        ok(system.crm().patch("/api/shared-deals/" + id, rep.token(), Map.of("partnerCompensationEligible", true)),
                200);
        awaitPartner(user, id, deal -> deal.node("/partnerCompensationEligible").asBoolean());
    }

    @Test
    void convertIsRefusedForEachOfItsConditionsAndAcceptedOtherwise() {
        PartnerUser user = system.newPartner("Converted Partners", 1);
        awaitPartnerKnownToCrm(user);
        String company = crmCompany();
        String contact = crmContact(company);
        Map<String, Object> request = convertRequest(user, null, true);

        ApiResponse noCompany = system.crm().post("/api/deals/" + crmDeal(List.of(contact), List.of())
                + "/convert-to-shared", rep.token(), request);
        assertThat(noCompany.status()).isEqualTo(422);
        assertThat(noCompany.json("/detail")).contains("no associated company").doesNotContain("contact");
        ApiResponse noContact = system.crm().post("/api/deals/" + crmDeal(List.of(), List.of(company))
                + "/convert-to-shared", rep.token(), request);
        assertThat(noContact.status()).isEqualTo(422);
        assertThat(noContact.json("/detail")).contains("no associated contact");
        String dealId = crmDeal(List.of(contact), List.of(company));
        assertThat(ok(system.crm().get("/api/deals/" + dealId, rep.token()), 200).json("/pipeline"))
                .as("the CRM's own deal").isEqualTo("default");
        ApiResponse unconfirmed = system.crm().post("/api/deals/" + dealId + "/convert-to-shared", rep.token(),
                convertRequest(user, null, false));
        assertThat(unconfirmed.status()).isEqualTo(422);
        assertThat(unconfirmed.node("/errors").findValuesAsString("field")).containsExactly("contactedPartnerConfirmed");

        // at capacity: the partner's only slot is taken by its own registration
        String own = registerOnPartner(user, "Own registration");
        awaitCrm(own, deal -> true);
        ApiResponse full = system.crm().post("/api/deals/" + dealId + "/convert-to-shared", rep.token(), request);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json("/detail")).contains("capacity");
        assertThat(system.crm().get("/api/shared-deals?status=ALL", rep.token()).node("/items")
                .findValuesAsString("dealId")).doesNotContain(dealId);

        ok(system.partner().delete("/api/shared-deals/" + own, user.token()), 204);
        awaitCrm(own, deal -> "WITHDRAWN".equals(deal.json("/status")));
        ApiResponse converted = ok(system.crm().post("/api/deals/" + dealId + "/convert-to-shared", rep.token(),
                request), 201);
        String id = converted.json("/id");
        assertThat(converted.json("/registeredBy")).isEqualTo("CRM");
        assertThat(converted.json("/assignedRep/id")).isEqualTo(rep.id());
        assertThat(converted.json("/dealId")).isEqualTo(dealId);
        ApiResponse crmDeal = ok(system.crm().get("/api/deals/" + dealId, rep.token()), 200);
        assertThat(crmDeal.json("/sharedDealId")).isEqualTo(id);
        assertThat(crmDeal.json("/pipeline")).as("converted: into the shared-deal pipeline").isEqualTo("partner-deals");

        ApiResponse onPartner = awaitPartner(user, id, deal -> deal.json("/dealId") != null);
        assertThat(onPartner.json("/registeredBy")).isEqualTo("CRM");
        assertThat(onPartner.json("/partnerOwner/id")).as("the lead-notification recipient").isEqualTo(user.userId());
        assertThat(onPartner.json("/assignedRep/id")).isEqualTo(rep.id());
        assertThat(onPartner.json("/welcomeNote")).isEqualTo("Welcome aboard!");
        ApiResponse tracked = ok(system.partner().get("/api/deals?activeDealRegistrations=1", user.token()), 200);
        assertThat(tracked.node("/items").findValuesAsString("sharedDealId")).containsExactly(id);
        assertThat(tracked.json("/items/0/owner/id")).isEqualTo(user.userId());
        assertThat(tracked.json("/items/0/registeredBy")).isEqualTo("CRM");
        assertThat(tracked.json("/items/0/id")).isEqualTo(onPartner.json("/dealId"));
    }

    @Test
    void convertMakesTheChosenPartnerContactTheOwnerAndRefusesAStranger() {
        PartnerUser user = system.newPartner("Contact Owner Partners", 3);
        ApiResponse second = ok(system.partner().post("/admin/partners/" + user.partnerId() + "/users",
                DealbridgeSystem.PARTNER_ADMIN, Map.of("name", "Second User", "email", "second-" + UUID.randomUUID()
                        + "@partner.test")), 201);
        String secondId = second.json("/id");
        await().atMost(WAIT).until(() -> ok(system.crm().get("/api/partners", rep.token()), 200).node("/items")
                .findValuesAsString("id").contains(user.partnerId())
                && partnerOnCrm(user).toString().contains(secondId));
        String company = crmCompany();
        String dealId = crmDeal(List.of(crmContact(company)), List.of(company));

        ApiResponse stranger = system.crm().post("/api/deals/" + dealId + "/convert-to-shared", rep.token(),
                convertRequest(user, "not-a-user-of-this-partner", true));
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.node("/errors").findValuesAsString("field")).contains("partnerContactId");

        String id = ok(system.crm().post("/api/deals/" + dealId + "/convert-to-shared", rep.token(),
                convertRequest(user, secondId, true)), 201).json("/id");
        assertThat(awaitPartner(user, id, deal -> true).json("/partnerOwner/id")).isEqualTo(secondId);
        ApiResponse again = system.crm().post("/api/deals/" + dealId + "/convert-to-shared", rep.token(),
                convertRequest(user, secondId, true));
        assertThat(again.status()).as("already shared").isEqualTo(409);
    }

    @Test
    void capacityIsFreedByWithdrawAndByClose() {
        PartnerUser user = system.newPartner("Capacity Partners", 1);
        String first = registerOnPartner(user, "First slot");
        awaitCrm(first, deal -> true);
        assertThat(activeOnCrm(user)).isEqualTo(1);
        assertThat(system.partner().post("/api/shared-deals", user.token(),
                RegistrationSteps.registration("CONTACT", contact(user), "One too many")).status()).isEqualTo(409);

        ok(system.partner().delete("/api/shared-deals/" + first, user.token()), 204);
        ok(system.partner().delete("/api/shared-deals/" + first, user.token()), 204);
        awaitCrm(first, deal -> "WITHDRAWN".equals(deal.json("/status")));
        assertThat(activeOnCrm(user)).isZero();
        assertThat(ok(system.partner().get("/api/shared-deals/" + first, user.token()), 200).json("/banner/type"))
                .isEqualTo("WITHDRAWN");
        assertThat(ok(system.partner().get("/api/deals?activeDealRegistrations=1", user.token()), 200)
                .size("/items")).isZero();
        assertThat(system.crm().patch("/api/shared-deals/" + first, rep.token(), Map.of("stage", "CONTRACT_SENT"))
                .status()).as("a withdrawn deal is final").isEqualTo(409);

        String second = registerOnPartner(user, "Second slot");
        awaitCrm(second, deal -> true);
        ok(system.crm().patch("/api/shared-deals/" + second, rep.token(), Map.of("stage", "CLOSED_LOST")), 200);
        ApiResponse lost = awaitPartner(user, second, deal -> "CLOSED_LOST".equals(deal.json("/status")));
        assertThat(lost.json("/banner/type")).isEqualTo("CLOSED_LOST");
        assertThat(lost.json("/banner/message")).contains("closed lost");
        assertThat(activeOnCrm(user)).isZero();

        String third = registerOnPartner(user, "Third slot, after a close");
        awaitCrm(third, deal -> true);
        for (ApiResponse reopen : List.of(
                system.partner().patch("/api/shared-deals/" + second, user.token(), Map.of("stage", "CONTRACT_SENT")),
                system.crm().patch("/api/shared-deals/" + second, rep.token(), Map.of("stage", "CONTRACT_SENT")))) {
            assertThat(reopen.status()).as("reopening needs a free slot: %s", reopen).isEqualTo(409);
            assertThat(reopen.json("/detail")).contains("capacity");
        }
        assertThat(system.partner().delete("/api/shared-deals/" + second, user.token()).status())
                .as("a closed deal cannot be withdrawn").isEqualTo(409);
    }

    @Test
    void purchaseOfAQuoteClosesTheDealWonWithABannerOnThePartnerSide() {
        String helpdesk = product("Helpdesk Enterprise", "499.00");
        String sso = product("SSO Add-on", "12.50");
        PartnerUser user = system.newPartner("Buying Partners", 5);
        String id = registerOnPartner(user, "Acme purchase");
        String crmDealId = awaitCrm(id, deal -> deal.json("/dealId") != null).json("/dealId");

        ApiResponse quote = ok(system.crm().post("/api/shared-deals/" + id + "/quotes", rep.token(),
                Map.of("title", "Acme year one", "lineItems", List.of(Map.of("productId", helpdesk, "quantity", 25),
                        Map.of("productId", sso, "quantity", 4)))), 201);
        assertThat(quote.json("/amount")).isEqualTo("12525.00");
        assertThat(quote.json("/status")).isEqualTo("PUBLISHED");
        String quoteId = quote.json("/id");
        ApiResponse seen = awaitPartner(user, id, deal -> deal.node("/quotes").size() == 1);
        assertThat(seen.json("/quotes/0/title")).isEqualTo("Acme year one");
        assertThat(seen.json("/quotes/0/amount")).isEqualTo("12525.00");
        assertThat(seen.json("/banner")).isNull();

        ApiResponse unknown = system.crm().post("/api/shared-deals/" + id + "/quotes", rep.token(),
                Map.of("title", "Bad", "lineItems", List.of(Map.of("productId", "nope", "quantity", 1))));
        assertThat(unknown.status()).isEqualTo(422);

        ApiResponse purchased = ok(system.crm().post("/api/quotes/" + quoteId + "/purchase", rep.token(), null), 200);
        assertThat(purchased.json("/status")).isEqualTo("PURCHASED");
        ApiResponse won = awaitPartner(user, id, deal -> "CLOSED_WON".equals(deal.json("/status")));
        assertThat(won.json("/stage")).isEqualTo("CLOSED_WON");
        assertThat(won.json("/quotes/0/status")).isEqualTo("PURCHASED");
        assertThat(won.json("/banner/type")).isEqualTo("CLOSED_WON");
        assertThat(won.json("/banner/message")).contains("customer has purchased");
        assertThat(ok(system.crm().get("/api/deals/" + crmDealId, rep.token()), 200).json("/stage"))
                .isEqualTo("CLOSED_WON");
        assertThat(system.crm().post("/api/quotes/no-such-quote/purchase", rep.token(), null).status())
                .isEqualTo(404);
        // the close reaches the partner's notification recipient too, in the app and by mail
        await().atMost(WAIT).until(() -> ok(system.partner().get("/api/notifications", user.token()), 200)
                .node("/items").findValuesAsString("type").contains("DEAL_CLOSED_WON"));
        await().atMost(WAIT).until(() -> Arrays.stream(SMTP.getReceivedMessages()).anyMatch(mail -> {
            try {
                return mail.getSubject().equals("Deal \"Acme purchase\" closed won")
                        && mail.getAllRecipients()[0].toString().equals(user.email());
            } catch (MessagingException e) {
                return false;
            }
        }));
    }

    @Test
    void theCatalogueSurvivesAPartnerRestartWithAnEmptyConsumerGroup() throws Exception {
        String productId = product("Replayed Product", "42.00");
        PartnerUser user = system.newPartner("Replay Partners", 1);

        system.stopPartner();
        try (MongoClient client = MongoClients.create(system.partnerMongoUri());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.brokers()))) {
            client.getDatabase("partner").getCollection("catalogue_products").drop();
            admin.deleteConsumerGroups(List.of("partner-service.catalogue")).all().get();
        } finally {
            system.startPartner();
        }
        await().atMost(WAIT).until(() -> ok(system.partner().get("/api/products", user.token()), 200)
                .node("/items").findValuesAsString("id").contains(productId));
    }

    @Test
    void aDealARepRegisteredIsLinkedToAPartnerDealEvenAfterACrashBetweenApplyAndLink() {
        PartnerUser user = system.newPartner("Crash Link Partners", 5);
        SharedDealId id = SharedDealId.random();
        SyncClock crmClock = HybridLogicalClock.system();
        SharedDeal crmReplica = SharedDeal.register(new Registration(id, user.partnerId(), Origin.CRM,
                "Converted while crashing", new BigDecimal("7000.00"), "USD", LocalDate.parse("2027-08-31"),
                Stage.QUALIFIED_TO_BUY, null, null, null, "Hello", List.of(),
                new PersonRef(user.userId(), user.name(), user.email()),
                new PersonRef(rep.id(), rep.name(), "lena@vendor.test"), null), Origin.CRM, crmClock,
                new Actor(ActorType.CRM_USER, rep.id(), rep.name()));
        SharedDealEvent registered = crmReplica.drainRecordedEvents().get(0);
        system.stopPartner();
        try (MongoClient client = MongoClients.create(system.partnerMongoUri())) {
            // applied by the same store code, but no listener ran: the state of a crash right after the apply
            try (OfflineStore partner = new OfflineStore(new MongoTemplate(client, "partner"), Origin.PARTNER)) {
                partner.receive(registered);
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            system.startPartner();
        }

        await().atMost(WAIT).until(() -> ok(system.partner().get("/api/deals?activeDealRegistrations=1",
                user.token()), 200).node("/items").findValuesAsString("sharedDealId").contains(id.value()));
        ApiResponse tracked = ok(system.partner().get("/api/deals?activeDealRegistrations=1", user.token()), 200);
        assertThat(tracked.json("/items/0/name")).isEqualTo("Converted while crashing");
        assertThat(tracked.json("/items/0/owner/id")).isEqualTo(user.userId());
        assertThat(ok(system.partner().get("/api/shared-deals/" + id, user.token()), 200).json("/dealId"))
                .isEqualTo(tracked.json("/items/0/id"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String product(String name, String unitPrice) {
        String id = ok(system.crm().post("/admin/products", CRM_ADMIN, Map.of("name", name,
                "sku", "SKU-" + UUID.randomUUID(), "unitPrice", unitPrice)), 201).json("/id");
        PartnerUser anyone = system.newPartner("Catalogue Reader " + UUID.randomUUID(), 1);
        await().atMost(WAIT).until(() -> ok(system.partner().get("/api/products", anyone.token()), 200)
                .node("/items").findValuesAsString("id").contains(id));
        return id;
    }

    private static String registerOnPartner(PartnerUser user, String dealName) {
        String id = ok(system.partner().post("/api/shared-deals", user.token(),
                RegistrationSteps.registration("CONTACT", contact(user), dealName)), 201).json("/id");
        awaitPartner(user, id, deal -> deal.json("/assignedRep/id") != null);
        return id;
    }

    private static ApiResponse awaitPartner(PartnerUser user, String id, Predicate<ApiResponse> condition) {
        return awaitOn(system.partner(), user.token(), id, condition);
    }

    private static ApiResponse awaitCrm(String id, Predicate<ApiResponse> condition) {
        return awaitOn(system.crm(), rep.token(), id, condition);
    }

    private static ApiResponse awaitOn(ApiClient api, String token, String id, Predicate<ApiResponse> condition) {
        ApiResponse[] seen = new ApiResponse[1];
        await().atMost(WAIT).until(() -> {
            seen[0] = api.get("/api/shared-deals/" + id, token);
            return seen[0].status() == 200 && condition.test(seen[0]);
        });
        return seen[0];
    }

    private static int activityCount(ApiResponse deal, PartnerUser user) {
        String path = "/api/shared-deals/" + deal.json("/id") + "/shared-activity";
        return user == null ? system.crm().get(path, rep.token()).size("/items")
                : system.partner().get(path, user.token()).size("/items");
    }

    private static void awaitPartnerKnownToCrm(PartnerUser user) {
        await().atMost(WAIT).until(() -> partnerOnCrm(user) != null
                && user.userId().equals(partnerOnCrm(user).get("notificationRecipientUserId").asString()));
    }

    private static JsonNode partnerOnCrm(PartnerUser user) {
        for (JsonNode partner : ok(system.crm().get("/api/partners", rep.token()), 200)
                .node("/items")) {
            if (user.partnerId().equals(partner.get("id").asString())) {
                return partner;
            }
        }
        return null;
    }

    private static long activeOnCrm(PartnerUser user) {
        await().atMost(WAIT).until(() -> partnerOnCrm(user) != null);
        return partnerOnCrm(user).get("activeDealRegistrations").asLong();
    }

    private static Map<String, Object> convertRequest(PartnerUser user, String contactId, boolean confirmed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerId", user.partnerId());
        if (contactId != null) {
            body.put("partnerContactId", contactId);
        }
        body.put("welcomeNote", "Welcome aboard!");
        body.put("contactedPartnerConfirmed", confirmed);
        return body;
    }

    private static String crmCompany() {
        return ok(system.crm().post("/api/companies", rep.token(),
                Map.of("name", "Wayne Enterprises", "domain", "wayne.test")), 201).json("/id");
    }

    private static String crmContact(String companyId) {
        return ok(system.crm().post("/api/contacts", rep.token(), Map.of("firstName", "Bruce", "lastName", "Wayne",
                "email", "bruce@wayne.test", "companyId", companyId)), 201).json("/id");
    }

    private static String crmDeal(List<String> contactIds, List<String> companyIds) {
        return ok(system.crm().post("/api/deals", rep.token(), Map.of("name", "Wayne security upgrade",
                "amount", "30000.00", "closeDate", "2027-06-30", "stage", "QUALIFIED_TO_BUY",
                "contactIds", contactIds, "companyIds", companyIds)), 201).json("/id");
    }

    private static String contact(PartnerUser user) {
        return ok(system.partner().post("/api/contacts", user.token(),
                Map.of("firstName", "Carla", "lastName", "Contact", "email", "carla@customer.test")), 201).json("/id");
    }

}
