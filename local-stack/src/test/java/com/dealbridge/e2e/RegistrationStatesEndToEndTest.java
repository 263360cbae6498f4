package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.CRM_ADMIN;
import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.e2e.DealbridgeSystem.Rep;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.shareddeal.registration.MovableClock;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registration states through both services, the real broker and both stores, two instances of crm-service sweeping
 * expiry on one test clock: a rep approves or rejects a PENDING registration, a CRM admin releases or rejects an
 * UNAVAILABLE one, and a registration expires after the configured days, freeing its domain, its partner reminded
 * once by mail; every decision reaches the partner and both Shared tabs.
 */
class RegistrationStatesEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int EXPIRY_DAYS = 30;
    private static final MovableClock CLOCK = new MovableClock(Instant.now());

    private static DealbridgeSystem system;
    private static Rep rep;

    @BeforeAll
    static void start() {
        system = DealbridgeSystem.start(Map.of("dealbridge.registration.exclusive-domains", "true",
                "dealbridge.registration.requires-approval", "true",
                "dealbridge.registration.expiry-days", String.valueOf(EXPIRY_DAYS),
                "dealbridge.registration.sweep-interval", "300ms"), CLOCK);
        system.startAnotherCrm();
        rep = system.newRep("Stella States");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aRepApprovesOrRejectsAPendingRegistrationAndBothSidesShowWhoWhenAndWhy() {
        PartnerUser user = system.newPartner("Pending Partners", 5);
        String approved = register(user, "pending-approve.com", "To approve");
        assertThat(ok(system.partner().get("/api/shared-deals/" + approved, user.token()), 200)
                .json("/registrationState")).isEqualTo("PENDING");
        awaitCrmState(approved, "PENDING");

        ApiResponse decided = ok(system.crm().post("/api/shared-deals/" + approved + "/registration/approve",
                rep.token(), Map.of("reason", "fits the program")), 200);
        assertThat(decided.json("/registrationState")).isEqualTo("REGISTERED");
        assertThat(Instant.parse(decided.json("/expiresAt"))).isAfter(CLOCK.instant().plus(Duration.ofDays(29)));
        awaitPartnerState(user, approved, "REGISTERED");
        assertThat(ok(system.partner().get("/api/shared-deals/" + approved, user.token()), 200).json("/expiresAt"))
                .isEqualTo(decided.json("/expiresAt"));
        ApiResponse tab = ok(system.partner().get("/api/shared-deals/" + approved + "/shared-activity",
                user.token()), 200);
        assertThat(tab.node("/items").findValuesAsString("type")).contains("REGISTRATION_APPROVED");
        assertThat(tab.toString()).contains(rep.name()).contains("fits the program");

        String rejected = register(user, "pending-reject.com", "To reject");
        awaitCrmState(rejected, "PENDING");
        ok(system.crm().post("/api/shared-deals/" + rejected + "/registration/reject", rep.token(),
                Map.of("reasonCode", "INVALID_DATA", "reason", "no such customer")), 200);
        ApiResponse onPartner = awaitPartnerState(user, rejected, "REJECTED");
        assertThat(onPartner.json("/rejectionCode")).isEqualTo("INVALID_DATA");
        assertThat(onPartner.json("/unavailableReason")).isEqualTo("no such customer");

        ApiResponse illegal = system.crm().post("/api/shared-deals/" + rejected + "/registration/approve",
                rep.token(), Map.of());
        assertThat(illegal.status()).as("%s", illegal).isEqualTo(409);
        assertThat(illegal.header("Content-Type")).contains("application/problem+json");
        assertThat(system.crm().post("/api/shared-deals/" + approved + "/registration/reject", rep.token(),
                Map.of("reasonCode", "not a code")).status()).isEqualTo(422);
    }

    @Test
    void aCrmAdminReleasesOrRejectsAnUnavailableRegistrationAndThePartnerSeesIt() {
        PartnerUser first = system.newPartner("First Holders", 5);
        PartnerUser second = system.newPartner("Second Comers", 5);
        String held = register(first, "contested.com", "Contested for the first");
        awaitCrmState(held, "PENDING");

        String released = register(second, "contested.com", "Contested for the second");
        assertThat(ok(system.partner().get("/api/shared-deals/" + released, second.token()), 200)
                .json("/registrationState")).isEqualTo("UNAVAILABLE");
        awaitCrmState(released, "UNAVAILABLE");
        assertThat(system.crm().post("/admin/shared-deals/" + released + "/registration/release", rep.token(),
                Map.of()).status()).as("an admin's decision").isIn(401, 403);
        ok(system.crm().post("/admin/shared-deals/" + released + "/registration/release", CRM_ADMIN,
                Map.of("reason", "the first partner's deal is stale")), 200);
        ApiResponse onPartner = awaitPartnerState(second, released, "REGISTERED");
        assertThat(onPartner.node("/unavailableReason").isNull()).isTrue();
        assertThat(onPartner.json("/registeredAt")).isNotNull();
        assertThat(ok(system.partner().get("/api/shared-deals/" + released + "/shared-activity", second.token()),
                200).node("/items").findValuesAsString("type")).contains("REGISTRATION_RELEASED");

        PartnerUser third = system.newPartner("Third Comers", 5);
        String rejected = register(third, "contested.com", "Contested for the third");
        awaitCrmState(rejected, "UNAVAILABLE");
        ok(system.crm().post("/admin/shared-deals/" + rejected + "/registration/reject", CRM_ADMIN,
                Map.of("reasonCode", "DUPLICATE")), 200);
        assertThat(awaitPartnerState(third, rejected, "REJECTED").json("/rejectionCode")).isEqualTo("DUPLICATE");
        assertThat(system.crm().post("/admin/shared-deals/" + rejected + "/registration/release", CRM_ADMIN,
                Map.of()).status()).as("a rejected registration is not released").isEqualTo(409);
    }

    @Test
    void aRegistrationExpiresAfterTheConfiguredDaysFreeingItsDomainAndThePartnerIsRemindedOnce() {
        PartnerUser user = system.newPartner("Expiring Partners", 1);
        String id = register(user, "expiring.com", "Expiring deal");
        awaitCrmState(id, "PENDING");
        Instant expiresAt = Instant.parse(ok(system.crm().post("/api/shared-deals/" + id + "/registration/approve",
                rep.token(), Map.of()), 200).json("/expiresAt"));
        awaitPartnerState(user, id, "REGISTERED");
        assertThat(system.partner().post("/api/shared-deals", user.token(), registration(company(user,
                "another-domain.com"), "Over capacity")).status()).as("the only slot is taken").isEqualTo(409);

        CLOCK.set(expiresAt.minus(Duration.ofDays(6)));
        await().atMost(WAIT).until(() -> reminders(user).size() == 1);
        assertThat(reminders(user).get(0)).contains("expires on " + expiresAt.toString().substring(0, 10));

        CLOCK.set(expiresAt.plus(Duration.ofMinutes(1)));
        awaitCrmState(id, "EXPIRED");
        ApiResponse expired = awaitPartnerState(user, id, "EXPIRED");
        assertThat(expired.node("/expiresAt").isNull()).isTrue();
        assertThat(ok(system.partner().get("/api/shared-deals/" + id + "/shared-activity", user.token()), 200)
                .node("/items").findValuesAsString("type")).containsOnlyOnce("REGISTRATION_EXPIRED")
                .containsOnlyOnce("REGISTRATION_EXPIRING");
        // the domain and slot are free again
        assertThat(system.partner().post("/api/shared-deals", user.token(), registration(company(user,
                "another-domain.com"), "Now within capacity")).status()).isEqualTo(201);
        assertThat(reminders(user)).as("two instances swept: one reminder").hasSize(1);
    }

    private static String register(PartnerUser user, String domain, String dealName) {
        return ok(system.partner().post("/api/shared-deals", user.token(), registration(company(user, domain),
                dealName)), 201).json("/id");
    }

    private static String company(PartnerUser user, String domain) {
        return RegistrationSteps.company(system, user, domain);
    }

    private static Map<String, Object> registration(String companyId, String dealName) {
        return RegistrationSteps.registration("COMPANY", companyId, dealName);
    }

    private static ApiResponse awaitCrmState(String id, String state) {
        ApiResponse[] seen = new ApiResponse[1];
        await().atMost(WAIT).until(() -> {
            seen[0] = system.crm().get("/api/shared-deals/" + id, rep.token());
            return seen[0].status() == 200 && state.equals(seen[0].json("/registrationState"));
        });
        return seen[0];
    }

    private static ApiResponse awaitPartnerState(PartnerUser user, String id, String state) {
        ApiResponse[] seen = new ApiResponse[1];
        await().atMost(WAIT).until(() -> {
            seen[0] = system.partner().get("/api/shared-deals/" + id, user.token());
            return seen[0].status() == 200 && state.equals(seen[0].json("/registrationState"));
        });
        return seen[0];
    }

    /** The expiry reminders mailed to the partner user (its partner's notification recipient). */
    private static List<String> reminders(PartnerUser user) {
        return Arrays.stream(system.smtp().getReceivedMessages()).filter(mail -> to(mail, user.email()))
                .map(RegistrationStatesEndToEndTest::subject).filter(subject -> subject.contains("expires on"))
                .toList();
    }

    private static boolean to(MimeMessage mail, String address) {
        try {
            Address[] to = mail.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
