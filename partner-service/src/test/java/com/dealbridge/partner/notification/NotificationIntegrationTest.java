package com.dealbridge.partner.notification;

import static com.dealbridge.partner.notification.CrmSide.RITA;
import static com.dealbridge.partner.notification.CrmSide.ROB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PrometheusText;
import com.dealbridge.partner.PartnerServiceIntegrationTest;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.Registration;
import com.dealbridge.shareddeal.domain.SharedDealAssigned;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.SharedDealRegistered;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.notification.NotificationDocument;
import com.dealbridge.shareddeal.notification.NotificationDocument.MailState;
import com.dealbridge.shareddeal.notification.NotificationMailFailed;
import com.dealbridge.shareddeal.notification.NotificationStore;
import com.dealbridge.shareddeal.store.SharedDeals;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * partner-service with a real SMTP server (GreenMail), the embedded broker and the embedded MongoDB server; the
 * CRM is played by a plain Kafka producer. Mail is sent by the notification group, sync is done by the sync group.
 */
@PartnerServiceIntegrationTest
@DirtiesContext
class NotificationIntegrationTest {

    static final String ADMIN = PartnerServiceIntegrationTest.ADMIN_TOKEN;
    static final String PORTAL = "http://portal.test";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final TestMail SMTP = new TestMail().start();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.port);
        registry.add("dealbridge.notifications.portal-base-url", () -> PORTAL);
        // a window of ~15 s in which the SMTP server may be away before an event is dead-lettered
        registry.add("dealbridge.notifications.retries", () -> 30);
        registry.add("dealbridge.notifications.initial-backoff", () -> "100ms");
        registry.add("dealbridge.notifications.max-backoff", () -> "500ms");
        registry.add("dealbridge.notifications.send-lease", () -> "5s");
    }

    @AfterAll
    static void stopMail() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;

    /** This context's broker: the system property names the JVM's newest, maybe a closed @DirtiesContext one. */
    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;
    @Autowired
    SharedDeals sharedDeals;
    @Autowired
    MongoOperations mongo;
    @Autowired
    Notifier notifier;

    ApiClient api;
    CrmSide crm;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        crm = new CrmSide(brokers);
    }

    @AfterEach
    void tearDown() {
        crm.close();
    }

    @Test
    void eachTriggerMailsTheRecipientOnceWithSubjectAndDealLink() {
        TestPartner partner = partner("Trigger Partners");
        String converted = UUID.randomUUID().toString();
        String ownDeal = UUID.randomUUID().toString();
        String localDealId = "deal-" + UUID.randomUUID();

        crm.send(crm.registersForPartner(converted, partner.id, "Globex renewal", partner.recipientRef()));
        MimeMessage registration = awaitMail(partner.recipientEmail, 1).get(0);
        partnerRegisters(ownDeal, partner, "Initech rollout", localDealId);
        crm.send(crm.assigns(ownDeal, partner.id, ROB));
        MimeMessage assignment = awaitMail(partner.recipientEmail, 2).get(1);

        assertThat(TestMail.subject(registration))
                .isEqualTo("New shared deal \"Globex renewal\" registered for you by Rita Rep");
        assertThat(TestMail.body(registration)).contains("Rita Rep registered the shared deal \"Globex renewal\"")
                .contains("Looking forward to working with you")
                // the deal's own id once sync made the partner's deal, else the shared deal's: both open it
                .containsPattern("Open the deal in the partner portal: " + Pattern.quote(PORTAL + "/deals/") + "("
                        + Pattern.quote(converted) + "|" + Pattern.quote(String.valueOf(api.get("/api/shared-deals/"
                        + converted, partner.recipientToken).json("/dealId"))) + ")\\s");
        assertThat(TestMail.subject(assignment)).isEqualTo("Sales rep Rob Rep assigned to your deal \"Initech rollout\"");
        assertThat(TestMail.body(assignment)).contains("By: Automatic assignment")
                .contains(PORTAL + "/deals/" + localDealId);
        assertThat(SMTP.to(partner.otherEmail)).as("only the recipient is mailed").isEmpty();

        ApiResponse inbox = api.get("/api/notifications", partner.recipientToken);
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        assertThat(inbox.node("/items").findValuesAsString("type"))
                .as("newest first").containsExactly("REP_ASSIGNED", "DEAL_REGISTERED_BY_REP");
        assertThat(inbox.json("/items/0/link")).isEqualTo(PORTAL + "/deals/" + localDealId);
        assertThat(inbox.json("/items/0/dealId")).isEqualTo(localDealId);
        assertThat(inbox.json("/items/0/sharedDealId")).isEqualTo(ownDeal);
        assertThat(inbox.node("/items/0/read").asBoolean()).isFalse();
        assertThat(inbox.node("/total").asLong()).isEqualTo(2);
        assertThat(inbox.node("/unread").asLong()).isEqualTo(2);
        assertThat(api.get("/api/notifications", partner.otherToken).node("/total").asLong())
                .as("another user of the partner has none").isZero();
    }

    /** The kinds whose events other features add (notes, comments, stages) go through the same path. */
    @Test
    void everyKindOfNotificationIsMailedOnceWithItsSubjectAndDealLink() {
        TestPartner partner = partner("Every Kind Partners");
        String deal = UUID.randomUUID().toString();
        partnerRegisters(deal, partner, "Kinds deal", "deal-kinds");

        for (NotificationKind kind : NotificationKind.values()) {
            SharedDealAssigned event = crm.assigns(deal, partner.id, RITA);
            notifier.notify(event.header(), "Test" + kind.name(), Trigger.of(kind, "Rita Rep"));
            notifier.notify(event.header(), "Test" + kind.name(), Trigger.of(kind, "Rita Rep"));
        }

        List<MimeMessage> mails = awaitMail(partner.recipientEmail, NotificationKind.values().length);
        assertThat(mails).extracting(TestMail::subject).containsExactlyInAnyOrder(
                "New shared deal \"Kinds deal\" registered for you by Automatic assignment",
                "Sales rep Rita Rep assigned to your deal \"Kinds deal\"",
                "New shared note from Automatic assignment on \"Kinds deal\"",
                "New comment from Automatic assignment on \"Kinds deal\"",
                "Your registration of \"Kinds deal\" expires on Rita Rep",
                "Registration of \"Kinds deal\": Rita Rep",
                "Deal \"Kinds deal\" closed won",
                "Deal \"Kinds deal\" closed lost");
        assertThat(mails).allSatisfy(mail -> assertThat(TestMail.body(mail))
                .contains(PORTAL + "/deals/deal-kinds").contains("Automatic assignment"));
    }

    @Test
    void withTheToggleOffOnlyTheInAppNotificationIsStoredAndTurningItOnMailsAgain() {
        TestPartner partner = partner("Quiet Partners");
        setToggle(partner, false);
        String deal = UUID.randomUUID().toString();

        crm.send(crm.registersForPartner(deal, partner.id, "Hooli expansion", partner.recipientRef()));
        await().atMost(WAIT).until(() -> api.get("/api/notifications", partner.recipientToken).size("/items") == 1);
        assertThat(SMTP.to(partner.recipientEmail)).isEmpty();
        assertThat(notificationsOf(partner.recipientId)).extracting(n -> n.mail().state())
                .containsExactly(MailState.NOT_WANTED);

        setToggle(partner, true);
        crm.send(crm.assigns(deal, partner.id, RITA));

        // one partition, in order: when the assignment's mail is there, the registration was handled long before
        List<MimeMessage> mails = awaitMail(partner.recipientEmail, 1);
        assertThat(mails).extracting(TestMail::subject)
                .containsExactly("Sales rep Rita Rep assigned to your deal \"Hooli expansion\"");
        assertThat(api.get("/api/notifications", partner.recipientToken).size("/items")).isEqualTo(2);
    }

    @Test
    void theSameEventsDeliveredTwiceStillMailOnce() {
        TestPartner partner = partner("Redelivery Partners");
        String deal = UUID.randomUUID().toString();
        SharedDealRegistered registered = crm.registersForPartner(deal, partner.id, "Umbrella deal",
                partner.recipientRef());
        SharedDealAssigned toRita = crm.assigns(deal, partner.id, RITA);
        SharedDealAssigned toRob = crm.assigns(deal, partner.id, ROB);

        crm.send(registered);
        crm.send(registered);
        crm.send(toRita);
        crm.send(registered);
        crm.send(toRita);
        crm.send(toRob);

        await().atMost(WAIT).until(() -> SMTP.to(partner.recipientEmail).stream()
                .anyMatch(mail -> TestMail.subject(mail).contains("Rob Rep")));
        assertThat(SMTP.to(partner.recipientEmail)).extracting(TestMail::subject).containsExactlyInAnyOrder(
                "New shared deal \"Umbrella deal\" registered for you by Rita Rep",
                "Sales rep Rita Rep assigned to your deal \"Umbrella deal\"",
                "Sales rep Rob Rep assigned to your deal \"Umbrella deal\"");
        assertThat(api.get("/api/notifications", partner.recipientToken).node("/total").asLong()).isEqualTo(3);
    }

    @Test
    void twoInstancesHandlingTheSameEventAtOnceSendOneMail() {
        TestPartner partner = partner("Racing Partners");
        SharedDealAssigned assigned = registeredThenAssigned(partner, "Race deal", "deal-race");
        Trigger trigger = Trigger.of(NotificationKind.REP_ASSIGNED, "Rita Rep");

        List<CompletableFuture<Void>> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            instances.add(CompletableFuture.runAsync(() -> {
                try {
                    notifier.notify(assigned.header(), assigned.type(), trigger);
                } catch (NotificationMailFailed busy) {
                    // the losers see the winner's lease; their listener would retry and then find it SENT
                }
            }));
        }
        CompletableFuture.allOf(instances.toArray(CompletableFuture[]::new)).join();
        notifier.notify(assigned.header(), assigned.type(), trigger);

        assertThat(notificationsOf(partner.recipientId)).singleElement()
                .satisfies(n -> assertThat(n.mail().state()).isEqualTo(MailState.SENT));
        assertThat(awaitMail(partner.recipientEmail, 1)).hasSize(1);
    }

    @Test
    void aClaimLeftPendingByACrashIsSentWhenTheEventComesAgain() {
        TestPartner partner = partner("Crashy Partners");
        SharedDealAssigned assigned = registeredThenAssigned(partner, "Crash deal", "deal-crash");
        // what a process that died between claiming the event and sending leaves behind
        String id = claimLeftBehind(assigned, partner, "deal-crash",
                NotificationDocument.Mail.pending(partner.recipientEmail, "Claimed before the crash", "body"));

        crm.send(assigned);

        assertThat(awaitMail(partner.recipientEmail, 1)).extracting(TestMail::subject)
                .containsExactly("Claimed before the crash");
        await().atMost(WAIT).until(() -> mongo.findById(id, NotificationDocument.class).mail().state()
                == MailState.SENT);
    }

    @Test
    void aClaimLeasedByAProcessThatDiedBeforeSendingIsSentOnceItsLeaseRunsOut() {
        TestPartner partner = partner("Leasing Partners");
        SharedDealAssigned assigned = registeredThenAssigned(partner, "Lease deal", "deal-lease");
        // a first delivery claims the event with its e-mail already leased to it; this one died before sending
        java.time.Instant leaseEnds = NotificationStore.now().plusSeconds(2);
        NotificationDocument.Mail pending = NotificationDocument.Mail.pending(partner.recipientEmail,
                "Leased before the crash", "body");
        String id = claimLeftBehind(assigned, partner, "deal-lease", new NotificationDocument.Mail(pending.state(),
                pending.to(), pending.subject(), pending.body(), 1, "token-of-the-dead-process", leaseEnds, null,
                null));

        crm.send(assigned);

        assertThat(awaitMail(partner.recipientEmail, 1)).extracting(TestMail::subject)
                .containsExactly("Leased before the crash");
        assertThat(java.time.Instant.now()).isAfterOrEqualTo(leaseEnds);
        await().atMost(WAIT).untilAsserted(() -> assertThat(mongo.findById(id, NotificationDocument.class).mail())
                .satisfies(mail -> {
                    assertThat(mail.state()).isEqualTo(MailState.SENT);
                    assertThat(mail.attempts()).isEqualTo(2);
                }));
    }

    @Test
    void aFirstDeliveryLeavesTheMailSentAfterOneAttemptWithNoLeaseHeld() {
        TestPartner partner = partner("Prompt Partners");
        SharedDealAssigned assigned = registeredThenAssigned(partner, "Prompt deal", "deal-prompt");

        crm.send(assigned);

        assertThat(awaitMail(partner.recipientEmail, 1)).hasSize(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(notificationsOf(partner.recipientId)).singleElement()
                .satisfies(n -> {
                    assertThat(n.mail().state()).isEqualTo(MailState.SENT);
                    assertThat(n.mail().attempts()).isEqualTo(1);
                    assertThat(n.mail().leaseToken()).isNull();
                }));
    }

    @Test
    void aMailWhileSmtpIsDownArrivesWhenItIsBackAndSyncIsNotDelayedMeanwhile() {
        TestPartner partner = partner("Patient Partners");
        String deal = UUID.randomUUID().toString();
        partnerRegisters(deal, partner, "Outage deal", "deal-outage");
        SharedDealAssigned assigned = crm.assigns(deal, partner.id, RITA);
        String id = NotificationStore.idFor(assigned.header().eventId());

        SMTP.stop();
        try {
            crm.send(assigned);
            long sent = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).until(() -> RITA.equals(
                    sharedDeals.find(new SharedDealId(deal)).orElseThrow().deal().facts().assignedRep()));
            Duration syncTook = Duration.ofNanos(System.nanoTime() - sent);
            await().atMost(WAIT).until(() -> {
                NotificationDocument notification = mongo.findById(id, NotificationDocument.class);
                return notification != null && notification.mail().attempts() >= 2
                        && notification.mail().lastError() != null;
            });
            assertThat(mongo.findById(id, NotificationDocument.class).mail().state()).isEqualTo(MailState.PENDING);
            assertThat(syncTook).as("sync applied the assignment while the mail kept failing")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(api.get("/api/notifications", partner.recipientToken).size("/items"))
                    .as("the in-app notification does not wait for SMTP").isEqualTo(1);
        } finally {
            SMTP.start();
        }

        assertThat(awaitMail(partner.recipientEmail, 1)).extracting(TestMail::subject)
                .containsExactly("Sales rep Rita Rep assigned to your deal \"Outage deal\"");
        await().atMost(WAIT).until(() -> mongo.findById(id, NotificationDocument.class).mail().state()
                == MailState.SENT);
    }

    @Test
    void anAttemptWhileSmtpIsDownCountsAsFailedAndTheMailThatGetsThroughAsSent() {
        TestPartner partner = partner("Counting Partners");
        String deal = UUID.randomUUID().toString();
        partnerRegisters(deal, partner, "Counted deal", "deal-counted");
        Map<String, String> assignments = Map.of("kind", "REP_ASSIGNED");
        Map<String, String> retryable = Map.of("kind", "REP_ASSIGNED", "permanent", "false");
        PrometheusText before = metrics();

        SMTP.stop();
        try {
            crm.send(crm.assigns(deal, partner.id, RITA));
            await().atMost(WAIT).until(() -> metrics().sum("dealbridge_notifications_failed_total", retryable)
                    > before.sum("dealbridge_notifications_failed_total", retryable));
        } finally {
            SMTP.start();
        }

        awaitMail(partner.recipientEmail, 1);
        await().atMost(WAIT).until(() -> metrics().sum("dealbridge_notifications_sent_total", assignments)
                == before.sum("dealbridge_notifications_sent_total", assignments) + 1);
    }

    @Test
    void aUserMarksOneOfTheirNotificationsRead() {
        TestPartner partner = partner("Reading Partners");
        String deal = UUID.randomUUID().toString();
        crm.send(crm.registersForPartner(deal, partner.id, "Read me", partner.recipientRef()));
        crm.send(crm.assigns(deal, partner.id, RITA));
        await().atMost(WAIT).until(() -> api.get("/api/notifications", partner.recipientToken).size("/items") == 2);
        String older = api.get("/api/notifications", partner.recipientToken).json("/items/1/id");

        ApiResponse read = api.post("/api/notifications/" + older + "/read", partner.recipientToken, null);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.node("/read").asBoolean()).isTrue();
        String readAt = read.json("/readAt");
        assertThat(readAt).isNotNull();
        assertThat(api.post("/api/notifications/" + older + "/read", partner.recipientToken, null).json("/readAt"))
                .as("reading again keeps the first read time").isEqualTo(readAt);

        ApiResponse list = api.get("/api/notifications", partner.recipientToken);
        assertThat(list.node("/items").findValuesAsString("id")).hasSize(2).endsWith(older);
        assertThat(list.node("/items/0/read").asBoolean()).isFalse();
        assertThat(list.node("/items/1/read").asBoolean()).isTrue();
        assertThat(list.node("/unread").asLong()).isEqualTo(1);
        ApiResponse unreadOnly = api.get("/api/notifications?unread=true", partner.recipientToken);
        assertThat(unreadOnly.node("/items").findValuesAsString("id")).doesNotContain(older).hasSize(1);

        ApiResponse someoneElse = api.post("/api/notifications/" + older + "/read", partner.otherToken, null);
        assertThat(someoneElse.status()).as("another user's notification").isEqualTo(404);
        assertThat(someoneElse.isProblem()).isTrue();
        assertThat(api.post("/api/notifications/" + UUID.randomUUID() + "/read", partner.recipientToken, null)
                .status()).isEqualTo(404);
        assertThat(api.get("/api/notifications?limit=0", partner.recipientToken).status()).isEqualTo(422);
        assertThat(api.get("/api/notifications?unread=maybe", partner.recipientToken).status()).isEqualTo(400);
        assertThat(api.get("/api/notifications", null).status()).isEqualTo(401);
    }

    private PrometheusText metrics() {
        ApiResponse scraped = api.get("/actuator/prometheus", ADMIN);
        assertThat(scraped.status()).as(scraped.toString()).isEqualTo(200);
        return PrometheusText.parse(scraped.bodyAsString());
    }

    private List<MimeMessage> awaitMail(String address, int count) {
        await().atMost(WAIT).until(() -> SMTP.to(address).size() >= count);
        List<MimeMessage> mails = SMTP.to(address);
        assertThat(mails).as("mails to " + address).hasSize(count);
        return mails;
    }

    private List<NotificationDocument> notificationsOf(String userId) {
        return mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("recipientUserId").is(userId)),
                NotificationDocument.class);
    }

    /** What a process that claimed the assignment and died before marking its e-mail sent leaves behind. */
    private String claimLeftBehind(SharedDealAssigned assigned, TestPartner partner, String localDealId,
                                   NotificationDocument.Mail mail) {
        String id = NotificationStore.idFor(assigned.header().eventId());
        mongo.insert(new NotificationDocument(id, assigned.header().eventId(), assigned.type(),
                NotificationKind.REP_ASSIGNED.name(), partner.id, partner.recipientId,
                assigned.header().sharedDealId(), localDealId, mail.subject(), "text",
                PORTAL + "/deals/" + localDealId, "Automatic assignment", assigned.header().occurredAt(),
                NotificationStore.now(), false, null, mail));
        return id;
    }

    /** A deal the partner registered, and its assignment to Rita by the CRM (not sent yet). */
    private SharedDealAssigned registeredThenAssigned(TestPartner partner, String dealName, String localDealId) {
        String deal = UUID.randomUUID().toString();
        partnerRegisters(deal, partner, dealName, localDealId);
        return crm.assigns(deal, partner.id, RITA);
    }

    private void partnerRegisters(String sharedDealId, TestPartner partner, String dealName, String localDealId) {
        sharedDeals.register(new Registration(new SharedDealId(sharedDealId), partner.id, Origin.PARTNER, dealName,
                new BigDecimal("12000.00"), "USD", LocalDate.parse("2026-12-31"), Stage.APPOINTMENT_SCHEDULED,
                "Met at the fair", "Manual invoicing", "Demo next week", null, List.of(), partner.recipientRef(),
                null, "DEAL"), new Actor(ActorType.PARTNER_USER, partner.recipientId, "Recipient"), localDealId);
    }

    private void setToggle(TestPartner partner, boolean on) {
        ApiResponse changed = api.put("/api/settings/communication", partner.recipientToken,
                Map.of("notifyRegisteredLeadActivity", on, "recipientUserId", partner.recipientId));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    /** A partner whose first user is the notification recipient (the default), and a second user. */
    private TestPartner partner(String name) {
        ApiResponse partner = api.post("/admin/partners", ADMIN, Map.of("name", name, "capacityLimit", 5));
        assertThat(partner.status()).as(partner.toString()).isEqualTo(201);
        String partnerId = partner.json("/id");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ApiResponse recipient = api.post("/admin/partners/" + partnerId + "/users", ADMIN,
                Map.of("name", "Alice " + suffix, "email", "alice-" + suffix + "@partner.example"));
        ApiResponse other = api.post("/admin/partners/" + partnerId + "/users", ADMIN,
                Map.of("name", "Bob " + suffix, "email", "bob-" + suffix + "@partner.example"));
        assertThat(recipient.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(201);
        return new TestPartner(partnerId, recipient.json("/id"), recipient.json("/email"), recipient.json("/name"),
                recipient.json("/token"), other.json("/email"), other.json("/token"));
    }

    record TestPartner(String id, String recipientId, String recipientEmail, String recipientName,
                       String recipientToken, String otherEmail, String otherToken) {

        PersonRef recipientRef() {
            return new PersonRef(recipientId, recipientName, recipientEmail);
        }
    }
}
