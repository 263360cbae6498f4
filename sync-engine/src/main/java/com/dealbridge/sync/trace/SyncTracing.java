package com.dealbridge.sync.trace;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Carries a change's trace across Kafka although the relay publishes it later, from the change log, on its own
 * thread: the W3C {@code traceparent} of the span current when the change was submitted (an HTTP request's) is kept
 * in the change-log entry, the relay puts it on the record's headers as it is, and the inbox applies the record in a consumer span continuing that trace. No span
 * is made on the sending side and none per poll; a record without the header is applied without one. Works with
 * whatever tracer the service runs through Micrometer Tracing; {@link #NONE} without one.
 */
public final class SyncTracing {

    /** The W3C Trace Context header (and the change-log field holding its value). */
    public static final String TRACEPARENT = "traceparent";

    /** No tracer: nothing is captured, records are applied without spans. */
    public static final SyncTracing NONE = new SyncTracing(null, null);

    private static final Propagator.Getter<String> FROM_VALUE = (traceparent, key) ->
            TRACEPARENT.equals(key) ? traceparent : null;

    private final Tracer tracer;
    private final Propagator propagator;

    public SyncTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The {@code traceparent} of the span current on this thread; null without one. */
    public String current() {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        String traceId = context.traceId();
        String spanId = context.spanId();
        if (traceId.length() != 32 || spanId.length() != 16) {
            return null; // a no-op or 64-bit-id tracer: nothing W3C can carry
        }
        return "00-" + traceId + "-" + spanId + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00");
    }

    /** The record's {@code traceparent} header; null without one (or a value no W3C header can be). */
    public static String traceparent(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(TRACEPARENT);
        if (header == null || header.value() == null || header.value().length != 55) {
            return null;
        }
        return new String(header.value(), StandardCharsets.US_ASCII);
    }

    /**
     * Starts the consumer span applying a record of {@code topic} whose change had {@code traceparent}, and makes
     * it current (with the trace id in the logging MDC); {@link Applying#NONE} without a parent or a tracer.
     *
     * @param name the span's name, {@code process <topic>} (made once by the caller, not per record)
     */
    public Applying applying(String traceparent, String name, String topic) {
        if (tracer == null || traceparent == null) {
            return Applying.NONE;
        }
        Span span = propagator.extract(traceparent, FROM_VALUE).kind(Span.Kind.CONSUMER)
                .name(name).tag("messaging.system", "kafka")
                .tag("messaging.operation", "process").tag("messaging.destination.name", topic).start();
        return new Applying(span, tracer.withSpan(span));
    }

    /** A record's application in its span; closing ends the span. */
    public static final class Applying implements AutoCloseable {

        static final Applying NONE = new Applying(null, null);

        private final Span span;
        private final Tracer.SpanInScope scope;

        Applying(Span span, Tracer.SpanInScope scope) {
            this.span = span;
            this.scope = scope;
        }

        /** Marks the span failed: the record was refused. */
        public void refused(Throwable reason) {
            if (span != null) {
                span.error(reason);
            }
        }

        @Override
        public void close() {
            if (span != null) {
                scope.close();
                span.end();
            }
        }
    }
}
