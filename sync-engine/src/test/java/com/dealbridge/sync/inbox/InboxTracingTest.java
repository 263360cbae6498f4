package com.dealbridge.sync.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.mongo.embedded.EmbeddedMongoServers;
import com.dealbridge.sync.log.ChangeLog;
import com.dealbridge.sync.trace.SyncTracing;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A received record is applied in a consumer span that continues the trace its {@code traceparent} header carries
 * (current while it applies, so log lines name it), also when it waited in the log behind a gap; a record
 * without the header, or with one that is no trace context, is applied as before. A real tracer: Micrometer's
 * OpenTelemetry bridge on the SDK, spans kept in memory.
 */
class InboxTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01";

    private final MongoServer server = EmbeddedMongoServers.start("", 0);
    private final MongoClient client = MongoClients.create(EmbeddedMongoServers.connectionString(server, "t"));
    private final ChangeLog changeLog = new ChangeLog(new MongoTemplate(client, "t"));
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    private final SyncTracing tracing = tracing(provider);
    /**
     * The trace current as the replica applied each word (null: none). Boot's OpenTelemetry configuration puts
     * what is current into the logging MDC (a context-storage wrapper, global to the JVM, so not set up here).
     */
    private final List<String> traceIdsSeen = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final InboxTest.Words words = new InboxTest.Words() {
        @Override
        public void apply(Working working, Received.Sequenced event) {
            SpanContext current = Span.current().getSpanContext();
            traceIdsSeen.add(current.isValid() ? current.getTraceId() : null);
            super.apply(working, event);
        }
    };
    private final Inbox<InboxTest.Words.Working> inbox = new Inbox<>(changeLog, words, InboxTest::read, null, null,
            InboxProperties.defaults(), "words", new SimpleMeterRegistry(), tracing);

    @AfterEach
    void stop() {
        provider.close();
        client.close();
        server.shutdown();
    }

    @Test
    void aRecordIsAppliedInAConsumerSpanContinuingTheTraceItCarries() {
        receive(traced(record(1, "a"), TRACEPARENT));

        assertThat(words.of("deal")).containsExactly("a");
        assertThat(traceIdsSeen).containsExactly(TRACE_ID);
        assertThat(Span.current().getSpanContext().isValid()).as("the span's scope is closed").isFalse();
        SpanData span = single();
        assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(span.getParentSpanId()).isEqualTo(PARENT_SPAN_ID);
        assertThat(span.getParentSpanContext().isRemote()).isTrue();
        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(span.getName()).isEqualTo("process words");
        assertThat(span.hasEnded()).isTrue();
    }

    @Test
    void aTraceTheSenderDidNotSampleIsStillCurrentForTheLogLinesButRecordsNoSpan() {
        receive(traced(record(1, "a"), "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-00"));

        assertThat(words.of("deal")).containsExactly("a");
        assertThat(traceIdsSeen).containsExactly(TRACE_ID);
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void aRecordWithoutATraceparentHeaderIsAppliedWithoutASpan() {
        receive(record(1, "a"), record(2, "b"));

        assertThat(words.of("deal")).containsExactly("a", "b");
        assertThat(refused).isEmpty();
        assertThat(traceIdsSeen).containsOnlyNulls();
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void aHeaderThatIsNoTraceContextNeverStopsTheRecord() {
        receive(traced(record(1, "a"), "x".repeat(55)), traced(record(2, "b"), "not a traceparent"));

        assertThat(words.of("deal")).containsExactly("a", "b");
        assertThat(refused).isEmpty();
        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getTraceId).doesNotContain(TRACE_ID);
    }

    @Test
    void anEventThatWaitedBehindAGapIsAppliedInItsOwnTraceWhenTheGapFills() {
        receive(traced(record(2, "b"), TRACEPARENT));
        assertThat(words.of("deal")).isEmpty();
        assertThat(changeLog.parked("deal")).singleElement()
                .satisfies(entry -> assertThat(entry.traceparent()).isEqualTo(TRACEPARENT));

        receive(record(1, "a"));

        assertThat(words.of("deal")).containsExactly("a", "b");
        assertThat(traceIdsSeen).containsExactly(null, TRACE_ID);
        assertThat(single().getParentSpanId()).isEqualTo(PARENT_SPAN_ID);
    }

    @Test
    void anEventRefusedOnApplyingEndsItsSpanAsAnError() {
        receive(traced(record(1, "refuse"), TRACEPARENT));

        assertThat(refused).containsExactly("refuse");
        assertThat(single().getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
    }

    @Test
    void theCurrentSpanIsCapturedAsAW3cTraceparent() {
        OtelTracer tracer = tracer(provider);
        assertThat(tracing.current()).as("no span").isNull();
        io.micrometer.tracing.Span span = tracer.nextSpan().name("request").start();
        try (var scope = tracer.withSpan(span)) {
            assertThat(tracing.current()).isEqualTo("00-" + span.context().traceId() + "-"
                    + span.context().spanId() + "-01");
        } finally {
            span.end();
        }
        assertThat(SyncTracing.NONE.current()).isNull();
    }

    private SpanData single() {
        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).hasSize(1);
        return finished.get(0);
    }

    @SafeVarargs
    private void receive(ConsumerRecord<String, byte[]>... records) {
        List<InboxWork.Item> items = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            items.add(new InboxWork.Item(record, InboxTest.read(record)));
        }
        inbox.receive("deal", new InboxWork(items, (record, reason) ->
                refused.add(new String(record.value(), StandardCharsets.UTF_8).split("\\|")[1])));
    }

    private static ConsumerRecord<String, byte[]> record(long sequence, String word) {
        return new ConsumerRecord<>("words", 0, sequence, "deal",
                (sequence + "|" + word + "|event-" + word).getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<String, byte[]> traced(ConsumerRecord<String, byte[]> record, String traceparent) {
        record.headers().add(SyncTracing.TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII));
        return record;
    }

    private static OtelTracer tracer(SdkTracerProvider provider) {
        return new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> { });
    }

    private static SyncTracing tracing(SdkTracerProvider provider) {
        return new SyncTracing(tracer(provider), new OtelPropagator(
                ContextPropagators.create(W3CTraceContextPropagator.getInstance()), provider.get("test")));
    }
}
