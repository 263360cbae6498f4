package com.dealbridge.sync.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealbridge.sync.trace.SyncTracing;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class AggregateLanesTest {

    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch release = new CountDownLatch(1);
    private AggregateLanes<String> lanes;

    @AfterEach
    void close() throws InterruptedException {
        release.countDown();
        if (lanes != null) {
            lanes.close();
        }
    }

    @Test
    void workQueuedWhileABatchRunsIsHandledInOrderAsTheNextBatch() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        lanes = new AggregateLanes<>("test", 4, 64, (id, batch) -> {
            if (batch.get(0).work().equals("first")) {
                started.countDown();
                release.await(5, TimeUnit.SECONDS);
            }
            batches.add(batch.stream().map(AggregateLanes.Task::work).toList());
            batch.forEach(task -> task.complete(task.work().toUpperCase()));
        });
        CompletableFuture<Object> first = lanes.submit("deal-1", "first");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Object>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            queued.add(lanes.submit("deal-1", "w" + i));
        }
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("FIRST");
        for (int i = 0; i < 5; i++) {
            assertThat(queued.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("W" + i);
        }
        assertThat(batches).containsExactly(List.of("first"), List.of("w0", "w1", "w2", "w3", "w4"));
    }

    @Test
    void aCallerThatOnlyWaitsWorksAnIdleLaneItselfAndWhatQueuesMeanwhileGoesOnOnThePool() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        lanes = new AggregateLanes<>("test", 4, 64, (id, batch) -> {
            threads.add(batch.get(0).work() + "@" + Thread.currentThread().getName());
            if (batch.get(0).work().equals("first")) {
                started.countDown();
                release.await(5, TimeUnit.SECONDS);
            }
            batches.add(batch.stream().map(AggregateLanes.Task::work).toList());
            batch.forEach(task -> task.complete(task.work().toUpperCase()));
        });
        CompletableFuture<CompletableFuture<Object>> first = CompletableFuture.supplyAsync(() ->
                lanes.submitAndWork("deal-1", "first"), runnable -> new Thread(runnable, "caller").start());
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Object> second = lanes.submitAndWork("deal-1", "second");
        assertThat(second).as("the lane is busy: queued, not run by this caller").isNotDone();
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS)).isEqualTo("FIRST");
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("SECOND");
        assertThat(batches).containsExactly(List.of("first"), List.of("second"));
        assertThat(threads.get(0)).isEqualTo("first@caller");
        assertThat(threads.get(1)).startsWith("second@test-");
    }

    @Test
    void differentAggregatesRunAtTheSameTime() throws Exception {
        CountDownLatch bothIn = new CountDownLatch(2);
        lanes = new AggregateLanes<>("test", 4, 64, (id, batch) -> {
            bothIn.countDown();
            bothIn.await(5, TimeUnit.SECONDS);
            batch.forEach(task -> task.complete(id));
        });
        CompletableFuture<Object> a = lanes.submit("deal-a", "x");
        CompletableFuture<Object> b = lanes.submit("deal-b", "y");

        assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo("deal-a");
        assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo("deal-b");
        assertThat(bothIn.getCount()).as("both handlers were inside at once").isZero();
    }

    @Test
    void aFailingBatchFailsItsOwnTasksAndTheLaneGoesOn() throws Exception {
        lanes = new AggregateLanes<>("test", 2, 64, (id, batch) -> {
            if (batch.get(0).work().equals("boom")) {
                throw new IllegalStateException("store down");
            }
            batch.forEach(task -> task.complete("ok"));
        });

        CompletableFuture<Object> failed = lanes.submit("deal-1", "boom");
        assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("store down");
        assertThat(lanes.submit("deal-1", "fine").get(5, TimeUnit.SECONDS)).isEqualTo("ok");
    }

    @Test
    void workSubmittedFromTheAggregatesOwnLaneRunsAtOnceInsteadOfWaitingForItself() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        AggregateLanes<String>[] self = new AggregateLanes[1];
        lanes = new AggregateLanes<>("test", 1, 64, (id, batch) -> {
            for (AggregateLanes.Task<String> task : batch) {
                seen.add(task.work());
                if (task.work().equals("outer")) {
                    // a listener of the outer change reacting with a change of the same aggregate
                    self[0].submit(id, "inner").get(5, TimeUnit.SECONDS);
                }
                task.complete(task.work());
            }
        });
        self[0] = lanes;

        assertThat(lanes.submit("deal-1", "outer").get(5, TimeUnit.SECONDS)).isEqualTo("outer");
        assertThat(seen).containsExactly("outer", "inner");
    }

    @Test
    void eachTaskCarriesTheTraceItWasSubmittedInAndItsWorkLogsWithTheAggregateId() throws Exception {
        SdkTracerProvider provider = SdkTracerProvider.builder().build();
        OtelTracer tracer = new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> { });
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        lanes = new AggregateLanes<>("test", 4, 64, (id, batch) -> batch.forEach(task -> {
            seen.add(task.work() + " " + task.traceparent() + " " + MDC.get(AggregateLanes.MDC_KEY));
            task.complete(null);
        }), new SyncTracing(tracer, Propagator.NOOP));
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            lanes.submit("deal-1", "traced").get(5, TimeUnit.SECONDS);
        } finally {
            request.end();
        }
        lanes.submitAndWork("deal-2", "untraced").get(5, TimeUnit.SECONDS);

        assertThat(seen).containsExactly(
                "traced 00-" + request.context().traceId() + "-" + request.context().spanId() + "-01 deal-1",
                "untraced null deal-2");
        assertThat(MDC.get(AggregateLanes.MDC_KEY)).as("restored after the work").isNull();
        provider.close();
    }
}
