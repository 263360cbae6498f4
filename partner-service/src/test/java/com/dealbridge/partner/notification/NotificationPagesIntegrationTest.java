package com.dealbridge.partner.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.partner.PartnerServiceIntegrationTest;
import com.dealbridge.partner.PortalUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The header's bell and the notifications page: the unread count on every page, the list newest first, and opening
 * one, which lands on its deal and marks it read. The CRM is played by a plain Kafka producer.
 */
@PartnerServiceIntegrationTest
class NotificationPagesIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    /** This context's broker: the system property names the JVM's newest, maybe a closed @DirtiesContext one. */
    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    CrmSide crm;

    @BeforeEach
    void setUp() {
        crm = new CrmSide(brokers);
    }

    @AfterEach
    void tearDown() {
        crm.close();
    }

    /** The recipient, with e-mail turned off: the in-app notification is what these pages show. */
    private PortalUser recipient() {
        PortalUser user = PortalUser.signedIn(port, "Bell Partners");
        user.api().put("/api/settings/communication", user.token(), Map.of("notifyRegisteredLeadActivity", false,
                "recipientUserId", user.id()));
        return user;
    }

    @Test
    void theBellCountsUnreadNotificationsAndOpeningOneLandsOnItsDealAndMarksItRead() {
        PortalUser user = recipient();
        String id = user.sharedDeal("Bell deal");
        assertThat(user.session().get("/").body()).contains("data-testid=\"notification-bell\"")
                .containsPattern("data-testid=\"unread-count\"[^>]*>0<");

        crm.send(crm.assigns(id, user.partnerId(), CrmSide.RITA));
        await().atMost(WAIT).until(() -> user.get("/api/notifications").json("/unread").equals("1"));
        assertThat(user.session().get("/notifications/bell").body()).containsPattern("data-testid=\"unread-count\"[^>]*>1<");
        String list = user.session().get("/notifications").body();
        assertThat(list).contains("Sales rep Rita Rep assigned to your deal").contains("data-testid=\"open-notification\"");

        String notificationId = user.get("/api/notifications").json("/items/0/id");
        HttpResponse<String> opened = user.session().submit("/notifications", "/notifications/" + notificationId
                + "/open", Map.of());
        assertThat(opened.statusCode()).isEqualTo(302);
        String dealPage = opened.headers().firstValue("Location").orElseThrow();
        assertThat(dealPage).contains("/deals/");
        HttpResponse<String> deal = user.session().get(dealPage);
        assertThat(deal.statusCode()).isEqualTo(302);
        assertThat(deal.headers().firstValue("Location").orElseThrow()).endsWith("/shared-deals/" + id);
        assertThat(user.get("/api/notifications").json("/unread")).isEqualTo("0");
        assertThat(user.get("/api/notifications").json("/items/0/read")).isEqualTo("true");
        assertThat(user.session().get("/shared-deals/" + id).body())
                .containsPattern("data-testid=\"unread-count\"[^>]*>0<");
    }

    @Test
    void anotherUsersNotificationIsNotFoundAndOpeningNeedsTheCsrfToken() {
        PortalUser user = recipient();
        PortalUser colleague = user.colleague("Nosy Colleague");
        crm.send(crm.assigns(user.sharedDeal("Bell deal"), user.partnerId(), CrmSide.RITA));
        await().atMost(WAIT).until(() -> user.get("/api/notifications").json("/unread").equals("1"));
        String notificationId = user.get("/api/notifications").json("/items/0/id");

        assertThat(colleague.session().submit("/notifications", "/notifications/" + notificationId + "/open",
                Map.of()).statusCode()).isEqualTo(404);
        assertThat(colleague.session().get("/notifications").body()).doesNotContain("Rita Rep");
        assertThat(user.session().post("/notifications/" + notificationId + "/open", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(user.get("/api/notifications").json("/unread")).isEqualTo("1");
    }
}
