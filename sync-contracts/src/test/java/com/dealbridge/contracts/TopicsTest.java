package com.dealbridge.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void deadLetterTopicAppendsDltToTheSourceTopic() {
        assertThat(Topics.deadLetter(Topics.CRM_SHARED_DEAL_EVENTS)).isEqualTo("crm.shared-deal-events.v1.dlt");
        assertThat(Topics.deadLetter(Topics.PARTNER_ACCOUNTS)).isEqualTo("partner.accounts.v1.dlt");
    }

    @Test
    void deadLetterRejectsABlankTopic() {
        assertThatThrownBy(() -> Topics.deadLetter(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
