package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.CRM_ADMIN;
import static com.dealbridge.e2e.DealbridgeSystem.PARTNER_ADMIN;
import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.kit.test.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * HubSpot's field rules as the default sync policy (issue 13, ADR 0013), both services with no
 * {@code dealbridge.sync.fields.*} set, one broker, both stores: the stage is the CRM's pipeline (a partner's
 * change is a 409, the CRM's reaches the partner and the CRM deal), the deal name goes to the CRM once in the registration, and the
 * CRM deal of a partner's registration lands in the shared-deal pipeline.
 */
class DefaultPolicyEndToEndTest extends CollaborationSystemTest {

    @Test
    void defaultPolicyRefusesAStageChangeFromThePartner() {
        PartnerUser user = system.newPartner("Stage Policy Partners", 5);
        String id = steps.registerOnPartner(user, "Partner wants to move the stage");

        ApiResponse stage = system.partner().patch("/api/shared-deals/" + id, user.token(),
                Map.of("stage", "QUALIFIED_TO_BUY"));
        assertThat(stage.status()).as("%s", stage).isEqualTo(409);
        assertThat(stage.isProblem()).isTrue();
        assertThat(stage.json("/detail"))
                .isEqualTo("stage is CRM_TO_PARTNER: the PARTNER side may not change it (only the CRM changes it)");
        ApiResponse withAmount = system.partner().patch("/api/shared-deals/" + id, user.token(),
                Map.of("amount", "99000.00", "stage", "CLOSED_WON"));
        assertThat(withAmount.status()).as("the whole patch is refused: %s", withAmount).isEqualTo(409);

        // nothing changed on either side: nothing was published, so the CRM has nothing to apply
        try (TopicProbe probe = new TopicProbe(system.brokers())) {
            assertThat(probe.recordsFor(Topics.PARTNER_SHARED_DEAL_EVENTS, id))
                    .extracting(record -> AvroCodec.decode(record.value()).getSchema().getName())
                    .containsExactly("SharedDealRegistered");
        }
        for (ApiResponse side : List.of(
                ok(system.partner().get("/api/shared-deals/" + id, user.token()), 200),
                ok(system.crm().get("/api/shared-deals/" + id, rep.token()), 200))) {
            assertThat(side.json("/stage")).isEqualTo("APPOINTMENT_SCHEDULED");
            assertThat(side.json("/amount")).isEqualTo("12000.00");
            assertThat(side.json("/syncState")).isEqualTo("IN_SYNC");
        }
        ApiResponse crmDeal = ok(system.crm().get("/api/deals/" + crmDealId(id), rep.token()), 200);
        assertThat(crmDeal.json("/stage")).isEqualTo("APPOINTMENT_SCHEDULED");

        // both sides run the default, and show it to operators
        ApiResponse partnerStatus = ok(system.partner().get("/admin/sync/status", PARTNER_ADMIN), 200);
        assertThat(partnerStatus.json("/syncPolicy/stage")).isEqualTo("CRM_TO_PARTNER");
        assertThat(partnerStatus.json("/syncPolicy/dealName")).isEqualTo("PARTNER_TO_CRM_AT_CREATION");
        assertThat(partnerStatus.json("/syncPolicy/amount")).isEqualTo("TWO_WAY");
        assertThat(partnerStatus.node("/syncPolicy"))
                .isEqualTo(ok(system.crm().get("/admin/sync/status", CRM_ADMIN), 200).node("/syncPolicy"));
    }

    @Test
    void theCrmsStageChangeReachesThePartner() {
        PartnerUser user = system.newPartner("Stage From CRM Partners", 5);
        String id = steps.registerOnPartner(user, "Rep moves the stage");

        ok(system.crm().patch("/api/shared-deals/" + id, rep.token(), Map.of("stage", "PRESENTATION_SCHEDULED")), 200);

        awaitPartner(user, id, deal -> "PRESENTATION_SCHEDULED".equals(deal.json("/stage")));
        assertThat(ok(system.partner().get("/api/shared-deals/" + id + "/shared-activity", user.token()), 200)
                .node("/items").findValuesAsString("type")).contains("STAGE_CHANGED");
        // the CRM's own deal record, in the shared-deal pipeline, follows its shared deal's stage
        await().atMost(CollaborationSteps.WAIT).untilAsserted(() -> assertThat(ok(system.crm()
                .get("/api/deals/" + crmDealId(id), rep.token()), 200).json("/stage"))
                .isEqualTo("PRESENTATION_SCHEDULED"));
    }

    @Test
    void theDealNameGoesToTheCrmOnceInTheRegistrationAndNeitherSideRenamesTheSharedDeal() {
        PartnerUser user = system.newPartner("Name Policy Partners", 5);
        String id = steps.registerOnPartner(user, "Registered as Initech rollout");

        ApiResponse crmDeal = ok(system.crm().get("/api/deals/" + crmDealId(id), rep.token()), 200);
        assertThat(crmDeal.json("/name")).isEqualTo("Registered as Initech rollout");
        assertThat(crmDeal.json("/pipeline")).as("a partner's registration lands in the shared-deal pipeline")
                .isEqualTo("partner-deals");

        ApiResponse partnerRename = system.partner().patch("/api/shared-deals/" + id, user.token(),
                Map.of("dealName", "Initech EU rollout"));
        assertThat(partnerRename.status()).as("%s", partnerRename).isEqualTo(409);
        assertThat(partnerRename.isProblem()).isTrue();
        assertThat(partnerRename.json("/detail")).contains("dealName is PARTNER_TO_CRM_AT_CREATION")
                .contains("the PARTNER side may not change it");
        ApiResponse crmRename = system.crm().patch("/api/shared-deals/" + id, rep.token(),
                Map.of("dealName", "Initech, renamed by the rep"));
        assertThat(crmRename.status()).as("%s", crmRename).isEqualTo(409);
        assertThat(crmRename.json("/detail")).contains("dealName").contains("the CRM side may not change it");

        // the other details still sync both ways, and the name stays the registration's on both sides
        ok(system.partner().patch("/api/shared-deals/" + id, user.token(), Map.of("closeDate", "2027-05-31")), 200);
        ApiResponse onCrm = awaitCrm(id, deal -> "2027-05-31".equals(deal.json("/closeDate")));
        assertThat(onCrm.json("/dealName")).isEqualTo("Registered as Initech rollout");
        assertThat(ok(system.partner().get("/api/shared-deals/" + id, user.token()), 200).json("/dealName"))
                .isEqualTo("Registered as Initech rollout");
        await().atMost(CollaborationSteps.WAIT).untilAsserted(() -> {
            ApiResponse mirrored = ok(system.crm().get("/api/deals/" + crmDealId(id), rep.token()), 200);
            assertThat(mirrored.json("/closeDate")).isEqualTo("2027-05-31");
            assertThat(mirrored.json("/name")).isEqualTo("Registered as Initech rollout");
        });
    }

    private String crmDealId(String sharedDealId) {
        return awaitCrm(sharedDealId, deal -> deal.json("/dealId") != null).json("/dealId");
    }

    private static ApiResponse awaitCrm(String id, Predicate<ApiResponse> condition) {
        return CollaborationSteps.awaitSharedDeal(system.crm(), rep.token(), id, condition);
    }

    private static ApiResponse awaitPartner(PartnerUser user, String id, Predicate<ApiResponse> condition) {
        return CollaborationSteps.awaitSharedDeal(system.partner(), user.token(), id, condition);
    }
}
