package com.dealbridge.shareddeal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.SyncPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EditRulesTest {

    private final SyncPolicy configured = SyncPolicy.of(Map.of("deal-name", "PARTNER_TO_CRM_AT_CREATION",
            "stage", "CRM_TO_PARTNER", "amount", "TWO_WAY"));

    @Test
    void theCrmMayChangeWhatThePolicyLetsItAndNotWhatOnlyThePartnerSetsAtCreation() {
        EditRules crm = EditRules.of(configured, Origin.CRM);

        assertThat(crm.editable("amount")).isTrue();
        assertThat(crm.editable("stage")).isTrue();
        assertThat(crm.editable("partnerCompensationEligible")).isTrue();
        assertThat(crm.editable("dealName")).isFalse();
        assertThat(crm.policy("dealName")).isEqualTo("PARTNER_TO_CRM_AT_CREATION");
        assertThat(crm.editable("introNote")).isFalse();
    }

    @Test
    void thePartnerMayNotChangeWhatOnlyTheCrmChanges() {
        EditRules partner = EditRules.of(configured, Origin.PARTNER);

        assertThat(partner.editable("amount")).isTrue();
        assertThat(partner.editable("stage")).isFalse();
        assertThat(partner.policy("stage")).isEqualTo("CRM_TO_PARTNER");
        assertThat(partner.editable("quotes")).isFalse();
    }

    @Test
    void anUnknownFieldIsNotEditable() {
        assertThat(EditRules.of(SyncPolicy.defaults(), Origin.CRM).editable("noSuchField")).isFalse();
        assertThat(EditRules.of(SyncPolicy.defaults(), Origin.CRM).policy("noSuchField")).isEmpty();
    }
}
