package com.dealbridge.sync.metrics;

import java.time.Duration;

/**
 * Metrics settings ({@code dealbridge.sync.metrics.*}).
 *
 * @param gaugeRefresh how often the gauges read from the store (outbox backlog, parked events, pending dead letters)
 *                     are counted again (default 10s): a scrape reads the last count and never queries the store
 * @param kafkaRefresh how often the Kafka clients' metrics are looked over for new ones (default 15s), e.g. the
 *                     per-partition consumer lag of partitions just assigned (Micrometer's own default is 60s)
 */
public record MetricsProperties(Duration gaugeRefresh, Duration kafkaRefresh) {

    public MetricsProperties {
        gaugeRefresh = gaugeRefresh == null ? Duration.ofSeconds(10) : gaugeRefresh;
        kafkaRefresh = kafkaRefresh == null ? Duration.ofSeconds(15) : kafkaRefresh;
    }

    public static MetricsProperties defaults() {
        return new MetricsProperties(null, null);
    }
}
