package com.dealbridge.shareddeal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.shareddeal.domain.RegistrationCapacity.Decision;
import com.dealbridge.shareddeal.domain.RegistrationCapacity.Holding;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationCapacityTest {

    private static final RegisteredDomain EXAMPLE = new RegisteredDomain("example.com");
    private static final RegisteredDomain GLOBEX = new RegisteredDomain("globex.com");

    @Test
    void capacityCountsDistinctDomainsNotDeals() {
        List<Holding> active = List.of(new Holding("d1", EXAMPLE), new Holding("d2", EXAMPLE),
                new Holding("d3", GLOBEX));
        assertThat(RegistrationCapacity.used(active)).isEqualTo(2);
        assertThat(RegistrationCapacity.decide(active, new RegisteredDomain("initech.com"), 3))
                .isEqualTo(Decision.TAKES_A_SLOT);
        assertThat(RegistrationCapacity.decide(active, new RegisteredDomain("initech.com"), 2))
                .isEqualTo(Decision.AT_CAPACITY);
    }

    @Test
    void aDomainThePartnerHoldsIsAcceptedEvenAtCapacity() {
        List<Holding> active = List.of(new Holding("d1", EXAMPLE), new Holding("d2", GLOBEX));
        Decision decision = RegistrationCapacity.decide(active, EXAMPLE, 2);
        assertThat(decision).isEqualTo(Decision.DOMAIN_ALREADY_HELD);
        assertThat(decision.accepted()).isTrue();
    }

    @Test
    void eachDomainLessRegistrationTakesASlotOfItsOwn() {
        List<Holding> active = List.of(new Holding("d1", null), new Holding("d2", null), new Holding("d3", EXAMPLE));
        assertThat(RegistrationCapacity.used(active)).isEqualTo(3);
        assertThat(RegistrationCapacity.decide(active, null, 3)).isEqualTo(Decision.AT_CAPACITY);
        assertThat(RegistrationCapacity.decide(active, null, 4)).isEqualTo(Decision.TAKES_A_SLOT);
    }

    @Test
    void aPartnerWithoutRegistrationsHasEverySlotFree() {
        assertThat(RegistrationCapacity.decide(List.of(), EXAMPLE, 1)).isEqualTo(Decision.TAKES_A_SLOT);
        assertThat(RegistrationCapacity.decide(List.of(), EXAMPLE, 0)).isEqualTo(Decision.AT_CAPACITY);
    }
}
