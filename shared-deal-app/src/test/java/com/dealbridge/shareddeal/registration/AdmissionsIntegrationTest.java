package com.dealbridge.shareddeal.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealbridge.kit.web.ConflictException;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.DealStatus;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import com.dealbridge.shareddeal.domain.Registration;
import com.dealbridge.shareddeal.domain.RegistrationState;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.Stage;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Admissions on two instances of one side: a domain another partner holds makes a registration UNAVAILABLE, taking
 * no capacity; of partners racing for a free domain through both instances, exactly one registers it.
 */
class AdmissionsIntegrationTest {

    private static final Actor USER = new Actor(ActorType.PARTNER_USER, "pu-1", "Alice");
    private static final RegisteredDomain EXAMPLE = new RegisteredDomain("example.com");

    private TwoInstances instances;

    @BeforeEach
    void start() {
        instances = new TwoInstances();
    }

    @AfterEach
    void stop() throws Exception {
        instances.close();
    }

    @Test
    void aDomainAnotherPartnerRegisteredMakesTheRegistrationUnavailableUsingNoCapacity() {
        SharedDealDocument first = register(instances.one, "partner-a", EXAMPLE, 1);
        SharedDealDocument second = register(instances.two, "partner-b", EXAMPLE, 1);

        assertThat(first.deal().facts().registrationState()).isEqualTo(RegistrationState.REGISTERED);
        assertThat(second.deal().facts().registrationState()).isEqualTo(RegistrationState.UNAVAILABLE);
        assertThat(second.deal().facts().unavailableReason()).isEqualTo("example.com is already registered by another"
                + " partner").doesNotContain("partner-a");
        assertThat(instances.one.ledger().used("partner-b")).as("an UNAVAILABLE registration uses no slot")
                .isZero();
        assertThat(register(instances.one, "partner-b", new RegisteredDomain("globex.com"), 1).deal().facts()
                .registrationState()).isEqualTo(RegistrationState.REGISTERED);
        assertThat(register(instances.two, "partner-b", EXAMPLE, 1).deal().facts().registrationState())
                .as("still held by partner-a, even at capacity: unavailable, not refused")
                .isEqualTo(RegistrationState.UNAVAILABLE);
        assertThat(register(instances.two, "partner-a", EXAMPLE, 1).deal().facts().registrationState())
                .as("the holder's second deal on its domain").isEqualTo(RegistrationState.REGISTERED);
    }

    @Test
    void aDomainIsFreeForAnotherPartnerOnceItsHolderWithdrew() {
        SharedDealDocument held = register(instances.one, "partner-a", EXAMPLE, 1);
        instances.one.deals().change(held.deal().id(), (document, clock) -> document.deal().withdraw(null, clock,
                USER));
        assertThat(register(instances.two, "partner-b", EXAMPLE, 1).deal().facts().registrationState())
                .isEqualTo(RegistrationState.REGISTERED);
    }

    @Test
    void aCapacityRefusalLeavesTheDomainFreeForOthers() {
        register(instances.one, "partner-a", new RegisteredDomain("globex.com"), 1);
        assertThatThrownBy(() -> register(instances.one, "partner-a", EXAMPLE, 1))
                .isInstanceOf(ConflictException.class).hasMessageContaining("capacity");
        assertThat(register(instances.two, "partner-b", EXAMPLE, 1).deal().facts().registrationState())
                .isEqualTo(RegistrationState.REGISTERED);
    }

    @Test
    void partnersRacingForAFreeDomainThroughTwoInstancesRegisterItOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SharedDealDocument>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            TwoInstances.Instance instance = i % 2 == 0 ? instances.one : instances.two;
            String partner = "partner-" + (i % 8);
            results.add(threads.submit(() -> {
                start.await();
                return register(instance, partner, EXAMPLE, 5);
            }));
        }
        start.countDown();
        List<SharedDealDocument> registered = new ArrayList<>();
        for (Future<SharedDealDocument> result : results) {
            registered.add(result.get());
        }
        threads.shutdown();

        List<String> holders = registered.stream()
                .filter(d -> d.deal().facts().registrationState() == RegistrationState.REGISTERED)
                .map(d -> d.deal().partnerId()).distinct().toList();
        assertThat(holders).hasSize(1);
        assertThat(registered.stream().filter(d -> d.deal().facts().registrationState()
                == RegistrationState.UNAVAILABLE)).allMatch(d -> !d.deal().partnerId().equals(holders.get(0)));
        assertThat(instances.one.deals().list(null, List.of(DealStatus.ACTIVE), RegistrationState.REGISTERED, 0, 0))
                .allMatch(d -> d.deal().partnerId().equals(holders.get(0)));
    }

    /** As the services register: admitted first, then registered in the state the admission says. */
    private SharedDealDocument register(TwoInstances.Instance instance, String partnerId, RegisteredDomain domain,
                                        int limit) {
        SharedDealId id = SharedDealId.random();
        Admissions.Admission admission = instance.admissions().admit(partnerId, partnerId, id.value(), domain, limit,
                null);
        Registration registration = new Registration(id, partnerId, Origin.PARTNER, "Deal " + id.value(),
                new BigDecimal("100.00"), "USD", LocalDate.parse("2027-01-31"), Stage.APPOINTMENT_SCHEDULED, "intro",
                "pain", "next", null, List.of(), new PersonRef("pu-1", "Alice", "alice@p.test"), null, "COMPANY",
                domain);
        return instance.deals().register(admission.apply(registration), USER, null);
    }
}
