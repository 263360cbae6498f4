package com.dealbridge.shareddeal.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.ActorType;
import com.dealbridge.shareddeal.domain.DealStatus;
import com.dealbridge.shareddeal.domain.Origin;
import com.dealbridge.shareddeal.domain.PersonRef;
import com.dealbridge.shareddeal.domain.RegisteredDomain;
import com.dealbridge.shareddeal.domain.Registration;
import com.dealbridge.shareddeal.domain.RegistrationCapacity.Decision;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.domain.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The capacity ledger on the embedded MongoDB-wire server, with two "instances" (each its own ledger, projection
 * store and writer, as two processes sharing the database have): capacity counts registered domains, and concurrent
 * registrations through both never exceed it.
 */
class CapacityLedgerIntegrationTest {

    private static final String PARTNER = "partner-1";
    private static final Actor ALICE = new Actor(ActorType.PARTNER_USER, "pu-1", "Alice");

    private TwoInstances instances;
    private TwoInstances.Instance one;
    private TwoInstances.Instance two;

    @BeforeEach
    void startTwoInstancesOnOneStore() {
        instances = new TwoInstances();
        one = instances.one;
        two = instances.two;
    }

    @AfterEach
    void stop() throws Exception {
        instances.close();
    }

    @Test
    void aSecondDealOnARegisteredDomainTakesNoFurtherSlot() {
        assertThat(register(one, "www.Example.COM", 1)).isEqualTo(Decision.TAKES_A_SLOT);
        assertThat(register(two, "sales.example.com", 1)).isEqualTo(Decision.DOMAIN_ALREADY_HELD);
        assertThat(register(one, "globex.com", 1)).isEqualTo(Decision.AT_CAPACITY);
        assertThat(one.ledger().used(PARTNER)).isEqualTo(1);
    }

    @Test
    void withdrawingTheLastDealOfADomainFreesItsSlot() {
        SharedDealId first = SharedDealId.random();
        SharedDealId second = SharedDealId.random();
        registerAs(one, first, "example.com", 1);
        registerAs(one, second, "example.com", 1);
        withdraw(one, first);
        assertThat(register(two, "globex.com", 1)).as("example.com is still held by the second deal")
                .isEqualTo(Decision.AT_CAPACITY);
        withdraw(two, second);
        assertThat(register(two, "globex.com", 1)).isEqualTo(Decision.TAKES_A_SLOT);
    }

    @Test
    void aClaimWhoseRegistrationFailedIsReleasedAndOneThatCrashedExpires() {
        assertThat(one.ledger().claim(PARTNER, "never-1", RegisteredDomain.of("example.com"), 1, false, null).accepted())
                .isTrue();
        assertThat(two.ledger().claim(PARTNER, "d-2", RegisteredDomain.of("globex.com"), 1, false, null).decision())
                .as("the claim of a registration in progress holds its slot").isEqualTo(Decision.AT_CAPACITY);
        one.ledger().release(PARTNER, "never-1");
        assertThat(two.ledger().claim(PARTNER, "crashed-2", RegisteredDomain.of("globex.com"), 1, false, null).accepted())
                .isTrue();
        instances.now.set(instances.now.instant().plusSeconds(31));
        assertThat(one.ledger().claim(PARTNER, "d-3", RegisteredDomain.of("initech.com"), 1, false, null).accepted())
                .as("a claim older than claim-timeout whose deal never appeared is forgotten").isTrue();
    }

    @Test
    void aLocalDealIsRegisteredOnceEvenByTwoInstancesAtOnce() {
        CapacityLedger.Claim first = one.ledger().claim(PARTNER, "d-1", null, 5, false, "local-deal-1");
        CapacityLedger.Claim second = two.ledger().claim(PARTNER, "d-2", null, 5, false, "local-deal-1");
        assertThat(first.accepted()).isTrue();
        assertThat(second.localDealTaken()).isTrue();
        assertThat(second.accepted()).isFalse();
        assertThat(two.ledger().claim(PARTNER, "d-3", null, 5, false, "local-deal-2").accepted()).isTrue();
    }

    @Test
    void domainLessRegistrationsTakeASlotEach() {
        assertThat(register(one, null, 2)).isEqualTo(Decision.TAKES_A_SLOT);
        assertThat(register(two, null, 2)).isEqualTo(Decision.TAKES_A_SLOT);
        assertThat(register(one, null, 2)).isEqualTo(Decision.AT_CAPACITY);
    }

    @Test
    void concurrentRegistrationsOnTwoInstancesNeverExceedTheCapacity() throws Exception {
        int limit = 5;
        int attempts = 40;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Decision>> results = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            TwoInstances.Instance instance = i % 2 == 0 ? one : two;
            String domain = "customer-" + (i % 10) + ".com";
            results.add(threads.submit(() -> {
                start.await();
                return register(instance, domain, limit);
            }));
        }
        start.countDown();
        List<Decision> decisions = new ArrayList<>();
        for (Future<Decision> result : results) {
            decisions.add(result.get());
        }
        threads.shutdown();
        Set<String> domains = one.deals().list(PARTNER, List.of(DealStatus.ACTIVE)).stream()
                .map(d -> d.deal().facts().registeredDomain().value()).collect(Collectors.toSet());
        assertThat(domains).hasSize(limit);
        assertThat(decisions.stream().filter(d -> d == Decision.TAKES_A_SLOT).count()).isEqualTo(limit);
        assertThat(decisions).contains(Decision.AT_CAPACITY, Decision.DOMAIN_ALREADY_HELD);
        long accepted = decisions.stream().filter(Decision::accepted).count();
        assertThat(one.deals().countActive(PARTNER)).isEqualTo(accepted);
    }

    private Decision register(TwoInstances.Instance instance, String domain, int limit) {
        return registerAs(instance, SharedDealId.random(), domain, limit);
    }

    /** As a service registers: the claim first, the deal only when it is accepted. */
    private Decision registerAs(TwoInstances.Instance instance, SharedDealId id, String domain, int limit) {
        RegisteredDomain registered = domain == null ? null : RegisteredDomain.of(domain);
        CapacityLedger.Claim claim = instance.ledger().claim(PARTNER, id.value(), registered, limit, false, null);
        if (claim.accepted()) {
            instance.deals().register(new Registration(id, PARTNER, Origin.PARTNER, "Deal " + id.value(),
                    new BigDecimal("100.00"), "USD", LocalDate.parse("2027-01-31"), Stage.APPOINTMENT_SCHEDULED,
                    "intro", "pain", "next", null, List.of(), new PersonRef("pu-1", "Alice", "alice@p.test"), null,
                    "COMPANY", registered), ALICE, null);
        }
        return claim.decision();
    }

    private void withdraw(TwoInstances.Instance instance, SharedDealId id) {
        instance.deals().change(id, (document, clock) -> document.deal().withdraw(null, clock, ALICE));
    }
}
