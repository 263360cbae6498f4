package com.dealbridge.shareddeal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The lane hands the document of a batch to every request of the batch: their threads read notes from it at once,
 * and a note not loaded yet is loaded then (TwoInstancesEndToEndTest saw a 500 from a ConcurrentModificationException
 * here).
 */
class LoadedNotesTest {

    @Test
    void twoThreadsLoadingNotesOfOneDocumentAtOnceBothGetTheirNote() throws Exception {
        CountDownLatch secondDone = new CountDownLatch(1);
        List<String> loadedIds = new CopyOnWriteArrayList<>();
        LoadedNotes notes = new LoadedNotes(noteId -> {
            loadedIds.add(noteId);
            if (noteId.equals("first")) {
                // the first load waits a moment for the second thread's: unsynchronized, the second changes the map
                // inside the first one's computeIfAbsent
                awaitQuietly(secondDone);
            }
            return Optional.empty();
        });

        CompletableFuture<Optional<?>> first = CompletableFuture.supplyAsync(() -> notes.find("first"));
        await(() -> loadedIds.contains("first"));
        CompletableFuture<Optional<?>> second = CompletableFuture.supplyAsync(() -> {
            Optional<?> found = notes.find("second");
            secondDone.countDown();
            return found;
        });

        assertThat(first.get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(second.get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(loadedIds).containsExactlyInAnyOrder("first", "second");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(300, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(condition::getAsBoolean);
    }
}
