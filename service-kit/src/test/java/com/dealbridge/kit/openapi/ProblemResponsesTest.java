package com.dealbridge.kit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    @Test
    void aReadWithoutIdOrParametersCanOnlyBeRefusedForItsTokenOrAccept() {
        assertThat(ProblemResponses.statuses("/api/me", false, false, false, false))
                .containsExactly("401", "403", "406");
    }

    @Test
    void aWriteWithABodyOnAnIdCanBeMalformedMissingConflictingOrInvalid() {
        assertThat(ProblemResponses.statuses("/api/shared-deals/{id}", true, true, false, false))
                .containsExactly("400", "401", "403", "404", "406", "409", "415", "422");
    }

    @Test
    void onlyAnUploadCanBeTooLarge() {
        assertThat(ProblemResponses.statuses("/api/notes/{id}/attachments", true, true, true, false)).contains("413");
        assertThat(ProblemResponses.statuses("/api/notes/{id}", true, true, false, false)).doesNotContain("413");
    }

    @Test
    void controllerGroupsAreNamedForPeople() {
        assertThat(TagNames.readable("shared-deal-controller")).isEqualTo("Shared deal");
        assertThat(TagNames.readable("Shared deals")).isEqualTo("Shared deals");
    }
}
