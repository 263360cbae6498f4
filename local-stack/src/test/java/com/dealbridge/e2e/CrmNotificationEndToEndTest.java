package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.e2e.DealbridgeSystem.Rep;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PrometheusText;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CRM side's deal-team notifications across both services, one broker and a real SMTP server (GreenMail): the
 * partner's activity on a shared deal mails its assigned rep once and shows in the rep's in-app list; the rep's
 * own activity notifies nobody on the CRM.
 */
class CrmNotificationEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CRM_GROUP = "crm-service.notifications";
    private static final String WORKSPACE = "http://crm.test";
    private static DealbridgeSystem system;
    /** Two reps: each registration goes to one of them (the least loaded), the other is a bystander. */
    private static final Map<String, Rep> REPS = new LinkedHashMap<>();
    private static final Map<String, String> EMAILS = new LinkedHashMap<>();

    @BeforeAll
    static void startSystem() {
        system = DealbridgeSystem.start(Map.of(
                "dealbridge.notifications.crm-base-url", WORKSPACE,
                "dealbridge.notifications.initial-backoff", "200ms",
                "dealbridge.notifications.max-backoff", "1s",
                "dealbridge.notifications.retries", "30"));
        for (String name : List.of("Rhea Rep", "Otto Rep")) {
            Rep rep = system.newRep(name);
            REPS.put(rep.id(), rep);
            EMAILS.put(rep.id(), ok(system.crm().get("/api/me", rep.token()), 200).json("/email"));
        }
    }

    @AfterAll
    static void stopSystem() {
        system.close();
    }

    @Test
    void aRepIsMailedOnceForAPartnersNote() throws Exception {
        PartnerUser user = system.newPartner("Noting Partners", 5);
        String sharedDealId = register(user, "Hooli expansion");
        Rep rep = awaitAssigned(user, sharedDealId);
        List<MimeMessage> assignment = awaitMails(rep, subjectAbout("Hooli expansion"), 1);
        assertThat(assignment.get(0).getSubject()).isEqualTo("Shared deal \"Hooli expansion\" assigned to you");

        ok(system.partner().post(notes(sharedDealId), user.token(), Map.of("body", "Budget signed off by the CFO")),
                201);

        MimeMessage note = awaitMails(rep, subjectAbout("Hooli expansion"), 2).stream()
                .filter(mail -> subject(mail).startsWith("New shared note")).findFirst().orElseThrow();
        assertThat(note.getSubject()).isEqualTo("New shared note from Noting Partners User on \"Hooli expansion\"");
        String crmDealId = ok(system.crm().get("/api/shared-deals/" + sharedDealId, rep.token()), 200)
                .json("/dealId");
        assertThat(String.valueOf(note.getContent())).contains("Budget signed off by the CFO")
                .contains("By: Noting Partners User")
                .contains("Open the deal in the CRM workspace: " + WORKSPACE + "/deals/" + crmDealId);

        // counted before the restart below (a new instance starts its counters from zero), once the send returned
        await().atMost(WAIT).until(() -> PrometheusText.parse(ok(system.crm().get("/actuator/prometheus",
                DealbridgeSystem.CRM_ADMIN), 200).bodyAsString())
                .sum("dealbridge_notifications_sent_total", Map.of("kind", "PARTNER_NOTE_ADDED")) >= 1.0);

        // every event of the deal delivered again, once while crm-service is down and restarts: still one mail each
        try (TopicProbe probe = new TopicProbe(system.brokers())) {
            List<ConsumerRecord<String, byte[]>> events = new java.util.ArrayList<>(
                    probe.recordsFor(Topics.PARTNER_SHARED_DEAL_EVENTS, sharedDealId));
            events.addAll(probe.recordsFor(Topics.CRM_SHARED_DEAL_EVENTS, sharedDealId));
            for (ConsumerRecord<String, byte[]> event : events) {
                probe.resend(event);
            }
            awaitCaughtUp(probe);
            system.stopCrm();
            for (ConsumerRecord<String, byte[]> event : events) {
                probe.resend(event);
            }
            system.startCrm();
            awaitCaughtUp(probe);
        }
        assertThat(mailsTo(rep)).filteredOn(subjectAbout("Hooli expansion"))
                .extracting(CrmNotificationEndToEndTest::subject).containsExactlyInAnyOrder(
                        "Shared deal \"Hooli expansion\" assigned to you",
                        "New shared note from Noting Partners User on \"Hooli expansion\"");
    }

    @Test
    void aRepsOwnNoteNotifiesNobodyOnTheCrmButThePartnersCommentDoes() throws Exception {
        PartnerUser user = system.newPartner("Quiet Noting Partners", 5);
        String sharedDealId = register(user, "Pied Piper pilot");
        Rep rep = awaitAssigned(user, sharedDealId);
        awaitMails(rep, subjectAbout("Pied Piper pilot"), 1);

        String noteId = ok(system.crm().post(notes(sharedDealId), rep.token(), Map.of("body", "Call me on Monday")),
                201).json("/id");
        await().atMost(WAIT).until(() -> system.partner().get(notes(sharedDealId) + "/" + noteId, user.token())
                .status() == 200);
        ok(system.partner().post(notes(sharedDealId) + "/" + noteId + "/comments", user.token(),
                Map.of("body", "Monday works")), 201);

        List<MimeMessage> mails = awaitMails(rep, subjectAbout("Pied Piper pilot"), 2);
        try (TopicProbe probe = new TopicProbe(system.brokers())) {
            awaitCaughtUp(probe);
        }
        assertThat(mailsTo(rep)).filteredOn(subjectAbout("Pied Piper pilot"))
                .as("the rep's own note mails nobody on the CRM").hasSize(2);
        assertThat(mails).extracting(CrmNotificationEndToEndTest::subject).containsExactlyInAnyOrder(
                "Shared deal \"Pied Piper pilot\" assigned to you",
                "New comment from Quiet Noting Partners User on \"Pied Piper pilot\"");
        assertThat(inApp(rep, sharedDealId)).as("the rep's own note is no notification")
                .containsExactlyInAnyOrder("PARTNER_COMMENT_ADDED", "DEAL_ASSIGNED_TO_YOU");
    }

    @Test
    void theRepSeesThePartnersActivityInTheAppAndMarksItRead() {
        PartnerUser user = system.newPartner("Listed Partners", 5);
        String sharedDealId = register(user, "Aviato launch");
        Rep rep = awaitAssigned(user, sharedDealId);
        ok(system.partner().post(notes(sharedDealId), user.token(), Map.of("body", "Launch moved to May")), 201);
        await().atMost(WAIT).until(() -> inApp(rep, sharedDealId).contains("PARTNER_NOTE_ADDED"));

        ApiResponse list = ok(system.crm().get("/api/notifications", rep.token()), 200);
        JsonItem note = item(list, sharedDealId, "PARTNER_NOTE_ADDED");
        assertThat(note.title()).isEqualTo("New shared note from Listed Partners User on \"Aviato launch\"");
        long unread = list.node("/unread").asLong();

        ApiResponse read = ok(system.crm().post("/api/notifications/" + note.id() + "/read", rep.token(), Map.of()),
                200);
        assertThat(read.node("/read").asBoolean()).isTrue();
        assertThat(ok(system.crm().get("/api/notifications", rep.token()), 200).node("/unread").asLong())
                .isEqualTo(unread - 1);
        Rep other = REPS.values().stream().filter(each -> !each.equals(rep)).findFirst().orElseThrow();
        assertThat(inApp(other, sharedDealId)).as("the bystander rep hears nothing of the deal").isEmpty();
        assertThat(system.crm().post("/api/notifications/" + note.id() + "/read", other.token(), Map.of()).status())
                .as("another rep's notification does not exist for them").isEqualTo(404);
    }

    private record JsonItem(String id, String title) {
    }

    private static JsonItem item(ApiResponse list, String sharedDealId, String type) {
        for (var item : list.node("/items")) {
            if (sharedDealId.equals(item.path("sharedDealId").asText()) && type.equals(item.path("type").asText())) {
                return new JsonItem(item.path("id").asText(), item.path("title").asText());
            }
        }
        throw new AssertionError("no " + type + " notification of " + sharedDealId + " in " + list);
    }

    /** The types of the rep's in-app notifications about one deal. */
    private static List<String> inApp(Rep rep, String sharedDealId) {
        List<String> types = new java.util.ArrayList<>();
        for (var item : ok(system.crm().get("/api/notifications", rep.token()), 200).node("/items")) {
            if (sharedDealId.equals(item.path("sharedDealId").asText())) {
                types.add(item.path("type").asText());
            }
        }
        return types;
    }

    private static void awaitCaughtUp(TopicProbe probe) {
        await().atMost(WAIT).until(() -> probe.lag(CRM_GROUP, Topics.PARTNER_SHARED_DEAL_EVENTS) == 0
                && probe.lag(CRM_GROUP, Topics.CRM_SHARED_DEAL_EVENTS) == 0);
    }

    private static String notes(String sharedDealId) {
        return "/api/shared-deals/" + sharedDealId + "/shared-notes";
    }

    private static String register(PartnerUser user, String dealName) {
        return new CollaborationSteps(system).registerOnPartner(user, dealName);
    }

    /** The rep the CRM assigned the deal to. */
    private static Rep awaitAssigned(PartnerUser user, String id) {
        String[] assigned = new String[1];
        await().atMost(WAIT).until(() -> {
            ApiResponse deal = system.partner().get("/api/shared-deals/" + id, user.token());
            assigned[0] = deal.status() == 200 ? deal.json("/assignedRep/id") : null;
            return assigned[0] != null;
        });
        return REPS.get(assigned[0]);
    }

    private static java.util.function.Predicate<MimeMessage> subjectAbout(String dealName) {
        return mail -> subject(mail).contains("\"" + dealName + "\"");
    }

    private static List<MimeMessage> awaitMails(Rep rep, java.util.function.Predicate<MimeMessage> which, int count) {
        await().atMost(WAIT).until(() -> mailsTo(rep).stream().filter(which).count() >= count);
        List<MimeMessage> mails = mailsTo(rep).stream().filter(which).toList();
        assertThat(mails).hasSize(count);
        return mails;
    }

    private static String subject(MimeMessage mail) {
        try {
            return String.valueOf(mail.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MimeMessage> mailsTo(Rep rep) {
        return system.mailsTo(EMAILS.get(rep.id()));
    }
}
