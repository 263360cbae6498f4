package com.dealbridge.sync.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aUnitAloneIsWrittenAtOnceOnItsOwnThread() {
        List<List<String>> batches = new ArrayList<>();
        GroupCommit<String> group = new GroupCommit<>(units -> {
            batches.add(units.stream().map(GroupCommit.Unit::write).toList());
            units.forEach(unit -> unit.complete(unit.write().toUpperCase()));
        }, 64);

        assertThat(group.submit("a")).isEqualTo("A");
        assertThat(group.submit("b")).isEqualTo("B");
        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void unitsQueuedWhileAWriteIsInFlightGoTogetherInTheNextWriteEachWithItsOwnOutcome() throws Exception {
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer> group = new GroupCommit<>(units -> {
            sizes.add(units.size());
            if (units.get(0).write() == 0) {
                firstWriting.countDown();
                awaitRelease(release);
            }
            units.forEach(unit -> {
                if (unit.write() == 3) {
                    unit.fail(new IllegalArgumentException("unit 3 refused"));
                } else {
                    unit.complete(unit.write() * 10);
                }
            });
        }, 64);
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> group.submit(0), threads);
        firstWriting.await(5, TimeUnit.SECONDS);
        List<CompletableFuture<Object>> others = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int unit = i;
            others.add(CompletableFuture.supplyAsync(() -> group.submit(unit), threads));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> group.queued() == 5);
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(0);
        assertThat(others.get(0).get(5, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(others.get(4).get(5, TimeUnit.SECONDS)).isEqualTo(50);
        assertThatThrownBy(() -> others.get(2).join()).hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(sizes).as("one write for the first, one for the five queued behind it").containsExactly(1, 5);
    }

    @Test
    void aWriterThatThrowsFailsOnlyTheUnitsOfItsBatch() {
        GroupCommit<String> group = new GroupCommit<>(units -> {
            if (units.get(0).write().equals("bad")) {
                throw new IllegalStateException("store down");
            }
            units.forEach(unit -> unit.complete("ok"));
        }, 64);

        assertThatThrownBy(() -> group.submit("bad")).isInstanceOf(IllegalStateException.class)
                .hasMessage("store down");
        assertThat(group.submit("good")).isEqualTo("ok");
    }

    @Test
    void aUnitTheWriterLeftOpenFails() {
        GroupCommit<String> group = new GroupCommit<>(units -> {
        }, 64);

        assertThatThrownBy(() -> group.submit("forgotten")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unanswered");
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
