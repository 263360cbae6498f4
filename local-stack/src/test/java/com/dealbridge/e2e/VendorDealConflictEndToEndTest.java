package com.dealbridge.e2e;

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
 * The conflict check for a domain the vendor itself works, through both services, the real broker and both stores,
 * with two crm-service instances: a partner's registration on a domain of an open CRM deal of the vendor's own is
 * UNAVAILABLE on both sides with the reason, uses no capacity and gets no rep; one on a domain whose CRM deal is
 * closed stays REGISTERED.
 */
class VendorDealConflictEndToEndTest {

    private static DealbridgeSystem system;
    private static Rep rep;

    @BeforeAll
    static void start() {
        system = DealbridgeSystem.start();
        system.startAnotherCrm();
        rep = system.newRep("Vera Vendor");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aRegistrationOnADomainTheVendorWorksInAnOpenDealIsUnavailableOnBothSidesAndUsesNoCapacity() {
        PartnerUser user = system.newPartner("Vendor Domain Partners", 3);
        RegistrationSteps.awaitKnownOnCrm(system, rep, user);
        RegistrationSteps.crmDeal(system, rep, "example-vendor.test");
        String company = RegistrationSteps.company(system, user, "www.Example-Vendor.test");

        String id = ok(system.partner().post("/api/shared-deals", user.token(),
                RegistrationSteps.registration("COMPANY", company, "Already worked")), 201).json("/id");

        ApiResponse onCrm = awaitState(system.crm(), rep.token(), id, "UNAVAILABLE");
        ApiResponse onPartner = awaitState(system.partner(), user.token(), id, "UNAVAILABLE");
        for (ApiResponse side : List.of(onCrm, onPartner)) {
            assertThat(side.json("/registeredDomain")).isEqualTo("example-vendor.test");
            assertThat(side.json("/unavailableReason"))
                    .isEqualTo("the vendor already works a deal with example-vendor.test");
            assertThat(side.json("/unavailableCode")).isEqualTo("DOMAIN_WORKED_BY_VENDOR");
            assertThat(side.json("/unavailableAt")).isNotNull();
            assertThat(side.json("/status")).as("the deal stays open").isEqualTo("ACTIVE");
        }
        assertThat(onCrm.node("/assignedRep").isNull()).as("no rep works an unavailable registration").isTrue();
        Map.of(system.partner(), user.token(), system.crm(), rep.token()).forEach((side, token) ->
                await().atMost(WAIT).untilAsserted(() -> assertThat(activityTypes(side, token, id))
                        .containsOnlyOnce("REGISTRATION_REVOKED")));
        awaitUsed(user, 0);
        assertThat(RegistrationSteps.activeRegistrationsOnCrm(system, rep, user)).isZero();
        assertThat(ok(system.crm().get("/api/shared-deals/" + id, rep.token()), 200).node("/assignedRep").isNull())
                .as("still no rep after both instances decided").isTrue();
    }

    @Test
    void aRegistrationOnADomainWhoseCrmDealIsClosedStaysRegistered() {
        PartnerUser user = system.newPartner("Closed Domain Partners", 3);
        RegistrationSteps.awaitKnownOnCrm(system, rep, user);
        String crmCompany = ok(system.crm().post("/api/companies", rep.token(),
                Map.of("name", "Closed Vendor", "domain", "closed-vendor.test")), 201).json("/id");
        ok(system.crm().post("/api/deals", rep.token(), Map.of("name", "Lost deal", "amount", "5000.00",
                "closeDate", "2026-06-30", "stage", "CLOSED_LOST", "companyIds", List.of(crmCompany))), 201);
        String company = RegistrationSteps.company(system, user, "closed-vendor.test");

        String id = ok(system.partner().post("/api/shared-deals", user.token(),
                RegistrationSteps.registration("COMPANY", company, "Fresh start")), 201).json("/id");

        await().atMost(WAIT).until(() -> {
            ApiResponse deal = system.crm().get("/api/shared-deals/" + id, rep.token());
            return deal.status() == 200 && !deal.node("/assignedRep").isNull();
        });
        assertThat(ok(system.crm().get("/api/shared-deals/" + id, rep.token()), 200).json("/registrationState"))
                .isEqualTo("REGISTERED");
        assertThat(ok(system.partner().get("/api/shared-deals/" + id, user.token()), 200).json("/registrationState"))
                .isEqualTo("REGISTERED");
        awaitUsed(user, 1);
    }

    private static List<String> activityTypes(ApiClient side, String token, String id) {
        return ok(side.get("/api/shared-deals/" + id + "/shared-activity?size=200", token), 200).node("/items")
                .findValuesAsString("type");
    }

    /** The partner's used capacity as each side's own ledger counts it. */
    private static void awaitUsed(PartnerUser user, int used) {
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(system.partnerBean(CapacityLedger.class).used(user.partnerId())).isEqualTo(used);
            system.crmBeans(CapacityLedger.class).forEach(ledger -> assertThat(ledger.used(user.partnerId()))
                    .isEqualTo(used));
        });
    }
}
