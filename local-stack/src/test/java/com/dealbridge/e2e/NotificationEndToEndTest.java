package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.kit.test.ApiResponse;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Story 6 across both services, one broker and a real SMTP server (GreenMail): the CRM assigns a rep to a deal the
 * partner registered, and the partner's notification recipient is mailed and notified in-app.
 */
class NotificationEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PORTAL = "http://portal.test";
    private static final int SMTP_PORT = freePort();
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP));
    private static DealbridgeSystem system;
    private static DealbridgeSystem.Rep rep;

    @BeforeAll
    static void startSystem() {
        SMTP.start();
        system = DealbridgeSystem.start(Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(SMTP_PORT),
                "dealbridge.notifications.portal-base-url", PORTAL,
                "dealbridge.notifications.initial-backoff", "200ms",
                "dealbridge.notifications.max-backoff", "1s",
                "dealbridge.notifications.retries", "30"));
        rep = system.newRep("Nia Rep");
    }

    @AfterAll
    static void stopSystem() {
        system.close();
        SMTP.stop();
    }

    @Test
    void theRecipientIsMailedOnceWhenARepIsAssignedAndSeesItInTheApp() throws Exception {
        PartnerUser user = system.newPartner("Mailed Partners", 5);

        ApiResponse created = register(user, "Globex notification deal");
        String sharedDealId = created.json("/id");
        String rep = awaitAssigned(user, sharedDealId).json("/assignedRep/name");

        MimeMessage mail = awaitMails(user.email(), 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Sales rep " + rep + " assigned to your deal \"Globex notification deal\"");
        assertThat(String.valueOf(mail.getContent())).contains("By: Lead assignment")
                .contains("Open the deal in the partner portal: " + PORTAL + "/deals/" + created.json("/dealId"));
        ApiResponse inbox = ok(system.partner().get("/api/notifications", user.token()), 200);
        assertThat(inbox.node("/items").findValuesAsString("type"))
                .as("the partner's own registration notifies nobody").containsExactly("REP_ASSIGNED");
        assertThat(inbox.json("/items/0/sharedDealId")).isEqualTo(sharedDealId);

        // every CRM event of the deal delivered again: still one mail, one in-app notification
        try (TopicProbe probe = new TopicProbe(system.brokers())) {
            List<ConsumerRecord<String, byte[]>> events = probe.recordsFor(Topics.CRM_SHARED_DEAL_EVENTS, sharedDealId);
            assertThat(events).hasSize(1);
            probe.resend(events.get(0));
            await().atMost(WAIT).until(() -> probe.lag("partner-service.notifications",
                    Topics.CRM_SHARED_DEAL_EVENTS) == 0);
        }
        assertThat(mailsTo(user.email())).hasSize(1);
        assertThat(system.partner().get("/api/notifications", user.token()).size("/items")).isEqualTo(1);
    }

    @Test
    void withTheToggleOffTheAssignmentIsNotifiedInAppOnly() {
        PartnerUser user = system.newPartner("Quiet Mailed Partners", 5);
        ok(system.partner().put("/api/settings/communication", user.token(),
                Map.of("notifyRegisteredLeadActivity", false, "recipientUserId", user.userId())), 200);

        String sharedDealId = register(user, "Quiet deal").json("/id");
        awaitAssigned(user, sharedDealId);
        await().atMost(WAIT).until(() -> system.partner().get("/api/notifications", user.token()).size("/items") == 1);

        assertThat(mailsTo(user.email())).isEmpty();
    }

    @Test
    void aRepsSharedNoteAndCommentAreMailedWithTheirTextButThePartnersOwnAreNot() throws Exception {
        PartnerUser user = system.newPartner("Note Mailed Partners", 5);
        String sharedDealId = register(user, "Noted deal").json("/id");
        awaitAssigned(user, sharedDealId);
        awaitMails(user.email(), 1);
        String notes = "/api/shared-deals/" + sharedDealId + "/shared-notes";

        String noteId = ok(system.crm().post(notes, rep.token(), Map.of("body", "Pricing approved at 12%")), 201)
                .json("/id");
        // the partner can comment on the rep's note once it has arrived
        await().atMost(WAIT).until(() -> system.partner().get(notes + "/" + noteId, user.token()).status() == 200);
        ok(system.partner().post(notes + "/" + noteId + "/comments", user.token(), Map.of("body", "Thanks!")), 201);
        ok(system.crm().post(notes + "/" + noteId + "/comments", rep.token(), Map.of("body", "Contract follows")),
                201);
        ok(system.partner().post(notes, user.token(), Map.of("body", "Our own note")), 201);

        List<MimeMessage> mails = awaitMails(user.email(), 3);
        assertThat(content(mails, "New shared note from Nia Rep on \"Noted deal\"")).contains("Pricing approved at 12%");
        assertThat(content(mails, "New comment from Nia Rep on \"Noted deal\"")).contains("Contract follows");
        try (TopicProbe probe = new TopicProbe(system.brokers())) {
            await().atMost(WAIT).until(() -> probe.lag("partner-service.notifications",
                    Topics.CRM_SHARED_DEAL_EVENTS) == 0);
        }
        assertThat(mailsTo(user.email())).as("the partner's own note and comment notify nobody").hasSize(3);
        assertThat(ok(system.partner().get("/api/notifications", user.token()), 200).node("/items")
                .findValuesAsString("type")).contains("SHARED_NOTE_ADDED", "NOTE_COMMENT_ADDED");
    }

    @Test
    void aMailWhileSmtpIsDownArrivesWhenItIsBackWithoutDelayingSync() {
        PartnerUser user = system.newPartner("Patient Mailed Partners", 5);
        String sharedDealId;
        SMTP.stop();
        try {
            sharedDealId = register(user, "Outage deal").json("/id");
            long registered = System.nanoTime();
            awaitAssigned(user, sharedDealId);
            assertThat(Duration.ofNanos(System.nanoTime() - registered))
                    .as("the partner sees the rep while the mail server is down").isLessThan(Duration.ofSeconds(10));
            await().atMost(WAIT).until(() -> system.partner().get("/api/notifications", user.token())
                    .size("/items") == 1);
        } finally {
            SMTP.start();
        }

        assertThat(awaitMails(user.email(), 1)).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).contains("\"Outage deal\""));
    }

    private static ApiResponse register(PartnerUser user, String dealName) {
        String contactId = ok(system.partner().post("/api/contacts", user.token(),
                Map.of("firstName", "Carla", "lastName", "Contact", "email", "carla@customer.test")), 201).json("/id");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceType", "CONTACT");
        body.put("sourceId", contactId);
        body.put("dealName", dealName);
        body.put("amount", "12000.00");
        body.put("closeDate", "2026-12-31");
        body.put("introNote", "Met at the trade fair");
        body.put("painOrOpportunity", "Manual invoicing");
        body.put("nextSteps", "Demo next Tuesday");
        return ok(system.partner().post("/api/shared-deals", user.token(), body), 201);
    }

    private static ApiResponse awaitAssigned(PartnerUser user, String id) {
        ApiResponse[] seen = new ApiResponse[1];
        await().atMost(WAIT).until(() -> {
            seen[0] = system.partner().get("/api/shared-deals/" + id, user.token());
            return seen[0].status() == 200 && seen[0].json("/assignedRep/id") != null;
        });
        return seen[0];
    }

    private static List<MimeMessage> awaitMails(String address, int count) {
        await().atMost(WAIT).until(() -> mailsTo(address).size() >= count);
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).hasSize(count);
        return mails;
    }

    /** The text of the one mail with this subject. */
    private static String content(List<MimeMessage> mails, String subject) throws Exception {
        List<MimeMessage> matching = new java.util.ArrayList<>();
        for (MimeMessage mail : mails) {
            if (subject.equals(mail.getSubject())) {
                matching.add(mail);
            }
        }
        assertThat(matching).as("mails with subject %s", subject).hasSize(1);
        return String.valueOf(matching.get(0).getContent());
    }

    private static synchronized List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                Address[] to = message.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
