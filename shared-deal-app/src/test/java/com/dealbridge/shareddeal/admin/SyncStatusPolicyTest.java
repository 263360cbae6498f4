package com.dealbridge.shareddeal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.shareddeal.domain.SyncField;
import com.dealbridge.shareddeal.domain.SyncPolicy;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyncStatusPolicyTest {

    @Test
    void thePolicyOfTheStatusNamesEverySyncedFieldByItsApiName() {
        assertThat(Arrays.stream(SyncStatus.Policy.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyElementsOf(Arrays.stream(SyncField.values()).map(SyncField::apiName).toList());
    }

    @Test
    void eachFieldShowsThePolicyItSyncsBy() throws ReflectiveOperationException {
        SyncPolicy policy = SyncPolicy.defaults();
        SyncStatus.Policy shown = SyncStatus.Policy.of(policy);
        for (SyncField field : SyncField.values()) {
            assertThat(SyncStatus.Policy.class.getMethod(field.apiName()).invoke(shown))
                    .as(field.apiName()).isEqualTo(policy.policyOf(field));
        }
    }
}
