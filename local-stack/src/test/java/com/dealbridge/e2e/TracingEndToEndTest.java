package com.dealbridge.e2e;

import static com.dealbridge.e2e.DealbridgeSystem.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.e2e.DealbridgeSystem.PartnerUser;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.sync.deadletter.DeadLetter;
import com.dealbridge.sync.deadletter.DeadLetters;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * One trace from a partner's request to its application in the CRM, across the real broker: the note a partner
 * adds is applied on the CRM side in a consumer span of the request's trace — the trace the caller sent in its
 * {@code traceparent} header, or the one partner-service started for a request without. Each service keeps its
 * finished spans in memory (an exporter bean beside Boot's OpenTelemetry configuration, every trace sampled). A
 * record the CRM cannot read goes to the dead-letter topic with its {@code traceparent}, and keeps it in
 * {@code dead_letters} for a replay.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String APPLIED_FROM_PARTNER = "process " + Topics.PARTNER_SHARED_DEAL_EVENTS;
    private static DealbridgeSystem system;

    /** The in-memory exporter each service's tracer exports its spans to. */
    @Configuration(proxyBeanMethods = false)
    static class CapturedSpans {

        @Bean
        InMemorySpanExporter capturedSpans() {
            return InMemorySpanExporter.create();
        }
    }

    @BeforeAll
    static void startSystem() {
        system = DealbridgeSystem.start(Map.of(
                // the inbox's line for each applied event, to see what a log line says
                "logging.level.com.dealbridge.sync.inbox.Inbox", "DEBUG",
                "spring.main.sources", CapturedSpans.class.getName(),
                "management.tracing.sampling.probability", "1.0",
                "management.opentelemetry.tracing.export.schedule-delay", "100ms"));
    }

    @AfterAll
    static void stopSystem() {
        system.close();
    }

    @Test
    void aNoteAddedWithTheCallersTraceparentIsAppliedOnTheCrmSideInThatTrace(CapturedOutput output) {
        PartnerUser user = system.newPartner("Traced Partners", 5);
        String dealId = register(user, "Traced deal");
        String traceId = hex(16);
        String callerSpanId = hex(8);

        addNote(user, dealId, "Budget confirmed", "00-" + traceId + "-" + callerSpanId + "-01");

        SpanData request = await().atMost(WAIT).until(() -> serverSpanOf(dealId, traceId), Optional::isPresent)
                .orElseThrow();
        assertThat(request.getParentSpanId()).as("the caller's span").isEqualTo(callerSpanId);
        SpanData applied = await().atMost(WAIT).until(() -> crmApplication(traceId), Optional::isPresent)
                .orElseThrow();
        assertThat(applied.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(applied.getParentSpanContext().isRemote()).isTrue();
        assertThat(applied.getParentSpanId()).as("a span of the partner's request")
                .isIn(spanIdsOf(partnerSpans(), traceId));
        assertThat(output.getOut().lines().filter(line -> line.contains("applied SharedNoteAdded " + dealId)))
                .as("the CRM's log line names the trace, the span and the deal")
                .anySatisfy(line -> assertThat(line)
                        .contains("[" + traceId + "," + applied.getSpanId() + "," + dealId + "]"));
    }

    @Test
    void aNoteAddedWithoutATraceparentIsAppliedOnTheCrmSideInTheTraceItsRequestStarted() {
        PartnerUser user = system.newPartner("Untraced Partners", 5);
        String dealId = register(user, "Untraced deal");

        addNote(user, dealId, "Demo booked", null);

        SpanData request = await().atMost(WAIT).until(() -> serverSpanOf(dealId, null), Optional::isPresent)
                .orElseThrow();
        assertThat(request.getParentSpanContext().isValid()).as("a trace of its own").isFalse();
        SpanData applied = await().atMost(WAIT).until(() -> crmApplication(request.getTraceId()),
                Optional::isPresent).orElseThrow();
        assertThat(applied.getParentSpanId()).isIn(spanIdsOf(partnerSpans(), request.getTraceId()));
    }

    @Test
    void aRecordTheCrmCannotReadIsDeadLetteredWithItsTraceparent() throws Exception {
        String key = UUID.randomUUID().toString();
        String traceparent = "00-" + hex(16) + "-" + hex(8) + "-01";
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.PARTNER_SHARED_DEAL_EVENTS, key,
                "not an event".getBytes(StandardCharsets.UTF_8));
        poison.headers().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));

        try (TopicProbe probe = new TopicProbe(system.brokers())) {
            probe.send(poison);
            ConsumerRecord<String, byte[]> dead = await().atMost(WAIT).until(() -> probe.recordsFor(
                    Topics.PARTNER_SHARED_DEAL_EVENTS + ".dlt", key), records -> !records.isEmpty()).get(0);

            assertThat(new String(dead.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII))
                    .isEqualTo(traceparent);
            assertThat(dead.headers().lastHeader(DeadLetters.REASON_HEADER)).isNotNull();
        }
        MongoOperations crmStore = system.crmBean(MongoOperations.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(crmStore.findAll(DeadLetter.class))
                .filteredOn(letter -> key.equals(letter.key())).singleElement()
                .satisfies(letter -> assertThat(letter.traceparent()).as("for a replay").isEqualTo(traceparent)));
    }

    /** partner-service's span of the POST adding a note to the deal (in the given trace, or any). */
    private static Optional<SpanData> serverSpanOf(String dealId, String traceId) {
        String path = "/api/shared-deals/" + dealId + "/shared-notes";
        return partnerSpans().stream().filter(span -> span.getKind() == SpanKind.SERVER)
                .filter(span -> traceId == null || span.getTraceId().equals(traceId))
                .filter(span -> span.getAttributes().asMap().values().stream()
                        .anyMatch(value -> String.valueOf(value).contains(path)))
                .findFirst();
    }

    /** crm-service's span applying a partner event in this trace. */
    private static Optional<SpanData> crmApplication(String traceId) {
        return system.crmBean(InMemorySpanExporter.class).getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(APPLIED_FROM_PARTNER) && span.getTraceId().equals(traceId))
                .findFirst();
    }

    private static List<SpanData> partnerSpans() {
        return system.partnerBean(InMemorySpanExporter.class).getFinishedSpanItems();
    }

    private static List<String> spanIdsOf(List<SpanData> spans, String traceId) {
        return spans.stream().filter(span -> span.getTraceId().equals(traceId)).map(SpanData::getSpanId).toList();
    }

    private static void addNote(PartnerUser user, String dealId, String body, String traceparent) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + user.token());
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        if (traceparent != null) {
            headers.put("traceparent", traceparent);
        }
        ApiResponse added = system.partner().exchange("POST", "/api/shared-deals/" + dealId + "/shared-notes",
                headers, ("{\"body\":\"" + body + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    private static String register(PartnerUser user, String dealName) {
        String contactId = ok(system.partner().post("/api/contacts", user.token(),
                Map.of("firstName", "Tia", "lastName", "Traced", "email", "tia@customer.test")), 201).json("/id");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceType", "CONTACT");
        body.put("sourceId", contactId);
        body.put("dealName", dealName);
        body.put("amount", "9000.00");
        body.put("closeDate", "2026-12-31");
        body.put("introNote", "Met at the trade fair");
        body.put("painOrOpportunity", "Manual invoicing");
        body.put("nextSteps", "Demo next Tuesday");
        return ok(system.partner().post("/api/shared-deals", user.token(), body), 201).json("/id");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(random);
    }
}
