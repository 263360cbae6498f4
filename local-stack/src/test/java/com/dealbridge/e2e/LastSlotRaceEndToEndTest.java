package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.CRM_ADMIN;
import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static com.dealbridge.e2e.RegistrationSteps.WAIT;
import static com.dealbridge.e2e.RegistrationSteps.awaitState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.e2e.DealbridgeSystem.Rep;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.shareddeal.registration.CapacityLedger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partner's registration and a rep's conversion racing for the partner's last slot, through both services, the real
 * broker and both stores, with two crm-service instances: each is decided in its own service's store and answered
 * 201 while the other side's has not arrived (here the CRM applies nothing from the partner until both are made: a
 * deterministic overlap). The CRM has the last word: the partner's registration, arriving later, is UNAVAILABLE with
 * the reason on both sides, the conversion stays REGISTERED and the partner uses one slot on both.
 */
class LastSlotRaceEndToEndTest {

    private static final String REASON = "the partner's last registration slot was taken by a deal the vendor"
            + " registered for it at the same time";

    private static DealbridgeSystem system;
    private static ApiClient secondCrm;
    private static Rep rep;

    @BeforeAll
    static void start() {
        system = DealbridgeSystem.start();
        secondCrm = system.startAnotherCrm();
        rep = system.newRep("Lara Lastslot");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aRegistrationArrivingAfterAConversionTookThePartnersLastSlotIsUnavailableOnBothSides() {
        PartnerUser user = system.newPartner("Last Slot Partners", 1);
        RegistrationSteps.awaitKnownOnCrm(system, rep, user);
        String company = RegistrationSteps.company(system, user, "partner-found.com");
        String crmDeal = RegistrationSteps.crmDeal(system, rep, "vendor-found.com");

        String registered;
        String converted;
        CrmInbox.pause(system);
        try {
            registered = ok(system.partner().post("/api/shared-deals", user.token(),
                    RegistrationSteps.registration("COMPANY", company, "Found by the partner")), 201).json("/id");
            converted = ok(secondCrm.post("/api/deals/" + crmDeal + "/convert-to-shared", rep.token(),
                    RegistrationSteps.convert(user)), 201).json("/id");
        } finally {
            CrmInbox.resume(system);
        }

        ApiResponse onCrm = awaitState(system.crm(), rep.token(), registered, "UNAVAILABLE");
        ApiResponse onPartner = awaitState(system.partner(), user.token(), registered, "UNAVAILABLE");
        for (ApiResponse side : List.of(onCrm, onPartner)) {
            assertThat(side.json("/unavailableReason")).isEqualTo(REASON);
            assertThat(side.json("/unavailableCode")).isEqualTo("CAPACITY_TAKEN");
            assertThat(side.json("/unavailableAt")).isNotNull();
            assertThat(side.json("/status")).as("the deal stays open").isEqualTo("ACTIVE");
        }
        assertThat(onCrm.node("/assignedRep").isNull()).as("no rep works an unavailable registration").isTrue();
        awaitState(system.partner(), user.token(), converted, "REGISTERED");
        assertThat(ok(system.crm().get("/api/shared-deals/" + converted, rep.token()), 200)
                .json("/registrationState")).isEqualTo("REGISTERED");
        Map.of(system.partner(), user.token(), system.crm(), rep.token()).forEach((side, token) ->
                await().atMost(WAIT).untilAsserted(() -> assertThat(ok(side.get("/api/shared-deals/" + registered
                        + "/shared-activity?size=200", token), 200).node("/items").findValuesAsString("type"))
                        .containsOnlyOnce("REGISTRATION_REVOKED")));

        // one slot used on both sides, as each side's own ledger counts it
        assertThat(system.partnerBean(CapacityLedger.class).used(user.partnerId())).isEqualTo(1);
        system.crmBeans(CapacityLedger.class).forEach(ledger -> assertThat(ledger.used(user.partnerId()))
                .isEqualTo(1));
        ApiResponse registeredOnPartner = ok(system.partner().get("/api/shared-deals?registrationState=REGISTERED",
                user.token()), 200);
        assertThat(registeredOnPartner.size("/items")).isEqualTo(1);
        assertThat(registeredOnPartner.json("/items/0/id")).isEqualTo(converted);
        assertThat(RegistrationSteps.activeRegistrationsOnCrm(system, rep, user)).isEqualTo(1);

        // the vendor still decides: no free slot to release it into, so an admin rejects it
        assertThat(system.crm().post("/admin/shared-deals/" + registered + "/registration/release", CRM_ADMIN,
                Map.of()).status()).as("the only slot is the conversion's").isEqualTo(409);
        ok(system.crm().post("/admin/shared-deals/" + registered + "/registration/reject", CRM_ADMIN,
                Map.of("reasonCode", "DUPLICATE", "reason", "the vendor works this customer")), 200);
        assertThat(awaitState(system.partner(), user.token(), registered, "REJECTED").json("/rejectionCode"))
                .isEqualTo("DUPLICATE");
    }
}
