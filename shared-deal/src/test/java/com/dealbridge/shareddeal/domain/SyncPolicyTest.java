package com.dealbridge.shareddeal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncPolicyTest {

    @Test
    void defaultsAreHubSpotsFieldRulesForSharedDeals() {
        SyncPolicy policy = SyncPolicy.defaults();

        assertThat(policy.policyOf(SyncField.STAGE)).isEqualTo(FieldPolicy.CRM_TO_PARTNER);
        assertThat(policy.policyOf(SyncField.CLOSE_DATE)).isEqualTo(FieldPolicy.TWO_WAY);
        assertThat(policy.policyOf(SyncField.AMOUNT)).isEqualTo(FieldPolicy.TWO_WAY);
        assertThat(policy.policyOf(SyncField.PRODUCT_INTEREST)).isEqualTo(FieldPolicy.TWO_WAY);
        assertThat(policy.policyOf(SyncField.DEAL_NAME)).isEqualTo(FieldPolicy.PARTNER_TO_CRM_AT_CREATION);
        assertThat(policy.policyOf(SyncField.ASSIGNED_REP)).isEqualTo(FieldPolicy.CRM_TO_PARTNER);
        assertThat(policy.policyOf(SyncField.PARTNER_COMPENSATION_ELIGIBLE)).isEqualTo(FieldPolicy.CRM_TO_PARTNER);
        assertThat(policy.policyOf(SyncField.QUOTES)).isEqualTo(FieldPolicy.CRM_TO_PARTNER);
        assertThat(policy.policyOf(SyncField.INTRO_NOTE)).isEqualTo(FieldPolicy.PARTNER_TO_CRM_AT_CREATION);
        assertThat(policy.policyOf(SyncField.NEXT_STEPS)).isEqualTo(FieldPolicy.PARTNER_TO_CRM_AT_CREATION);
    }

    @Test
    void configuredFieldsOverrideTheirDefaultWhateverTheKeySpelling() {
        SyncPolicy policy = SyncPolicy.of(Map.of("deal-name", "CRM_TO_PARTNER", "closeDate", "crm_to_partner"));

        assertThat(policy.policyOf(SyncField.DEAL_NAME)).isEqualTo(FieldPolicy.CRM_TO_PARTNER);
        assertThat(policy.policyOf(SyncField.CLOSE_DATE)).isEqualTo(FieldPolicy.CRM_TO_PARTNER);
        assertThat(policy.policyOf(SyncField.STAGE)).isEqualTo(FieldPolicy.CRM_TO_PARTNER);
        assertThat(policy.policyOf(SyncField.AMOUNT)).isEqualTo(FieldPolicy.TWO_WAY);
    }

    @Test
    void theOldDefaultsAreStillAChoiceForStageAndName() {
        SyncPolicy policy = SyncPolicy.of(Map.of("stage", "TWO_WAY", "deal-name", "TWO_WAY"));

        policy.checkChange(SyncField.STAGE, Origin.PARTNER);
        policy.checkChange(SyncField.DEAL_NAME, Origin.PARTNER);
        policy.checkChange(SyncField.DEAL_NAME, Origin.CRM);
    }

    @Test
    void byDefaultAPartnersStageChangeIsRefusedNamingTheFieldAndThePolicy() {
        SyncPolicy policy = SyncPolicy.defaults();

        policy.checkChange(SyncField.STAGE, Origin.CRM);
        assertThatThrownBy(() -> policy.checkChange(SyncField.STAGE, Origin.PARTNER))
                .isInstanceOf(SyncPolicyViolation.class)
                .hasMessage("stage is CRM_TO_PARTNER: the PARTNER side may not change it (only the CRM changes it)");
    }

    @Test
    void anUnknownFieldOrPolicyIsRefusedWithAllProblemsNamed() {
        assertThatThrownBy(() -> SyncPolicy.of(Map.of("colour", "TWO_WAY")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown field 'colour'");
        assertThatThrownBy(() -> SyncPolicy.of(Map.of("stage", "SOMETIMES")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stage: unknown policy 'SOMETIMES'");
    }

    @Test
    void aPolicyAFieldCannotHaveIsRefused() {
        assertThatThrownBy(() -> SyncPolicy.of(Map.of("assigned-rep", "TWO_WAY")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("assigned-rep: TWO_WAY is not possible");
        assertThatThrownBy(() -> SyncPolicy.of(Map.of("stage", "PARTNER_TO_CRM_AT_CREATION")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stage");
    }

    @Test
    void crmToPartnerLetsOnlyTheCrmChangeTheField() {
        SyncPolicy policy = SyncPolicy.defaults();

        policy.checkChange(SyncField.QUOTES, Origin.CRM);
        assertThatThrownBy(() -> policy.checkChange(SyncField.QUOTES, Origin.PARTNER))
                .isInstanceOf(SyncPolicyViolation.class)
                .hasMessage("quotes is CRM_TO_PARTNER: the PARTNER side may not change it (only the CRM changes it)");
    }

    @Test
    void atCreationFieldsAreSetByThePartnerOnlyAndNeverChangedAfterwards() {
        SyncPolicy policy = SyncPolicy.defaults();

        policy.checkCreation(SyncField.INTRO_NOTE, Origin.PARTNER);
        assertThatThrownBy(() -> policy.checkCreation(SyncField.INTRO_NOTE, Origin.CRM))
                .isInstanceOf(SyncPolicyViolation.class);
        assertThatThrownBy(() -> policy.checkChange(SyncField.INTRO_NOTE, Origin.PARTNER))
                .isInstanceOf(SyncPolicyViolation.class).hasMessageContaining("introNote is PARTNER_TO_CRM_AT_CREATION");
    }
}
