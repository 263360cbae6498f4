package com.dealbridge.crm.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.crm.rep.SalesRep;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeastLoadedRepTest {

    private final SalesRep senior = new SalesRep("b-senior", "Senior", "s@v.test", true, Instant.parse("2026-01-01T00:00:00Z"));
    private final SalesRep junior = new SalesRep("a-junior", "Junior", "j@v.test", true, Instant.parse("2026-06-01T00:00:00Z"));
    private final SalesRep twin = new SalesRep("c-twin", "Twin", "t@v.test", true, Instant.parse("2026-06-01T00:00:00Z"));

    @Test
    void assignsLeastLoadedRep() {
        assertThat(LeastLoadedRep.pick(List.of(senior, junior), Map.of("b-senior", 3L, "a-junior", 1L)))
                .contains(junior);
    }

    @Test
    void aRepWithoutDealsCountsAsZero() {
        assertThat(LeastLoadedRep.pick(List.of(senior, junior), Map.of("b-senior", 1L))).contains(junior);
    }

    @Test
    void tiesGoToTheLongestServingRepThenById() {
        assertThat(LeastLoadedRep.pick(List.of(junior, senior), Map.of())).contains(senior);
        assertThat(LeastLoadedRep.pick(List.of(twin, junior), Map.of())).contains(junior);
    }

    @Test
    void noActiveRepMeansNoPick() {
        assertThat(LeastLoadedRep.pick(List.of(), Map.of())).isEmpty();
    }
}
