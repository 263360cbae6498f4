package com.dealbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Prometheus rules and the Grafana dashboard that docker-compose provisions (no Docker engine runs here, so
 * they are checked as files): they parse, every dealbridge series they query is one the README's metrics table
 * documents (a renamed metric would leave a silent panel and an alert that never fires), and the alerts the
 * operators were promised exist.
 */
class ObservabilityConfigTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path OBSERVABILITY = ROOT.resolve("observability");
    private static final Pattern DEALBRIDGE_SERIES = Pattern.compile("\\bdealbridge_[a-z_]+");
    private static final Pattern DOCUMENTED_METRIC = Pattern.compile("^\\| `(dealbridge_[a-z_]+)`", Pattern.MULTILINE);

    @Test
    void theAlertRulesCoverLagDeadLettersBacklogAndMailAndQueryOnlyDocumentedMetrics() throws IOException {
        List<Map<String, Object>> rules = alertRules();

        assertThat(rules).extracting(rule -> rule.get("alert")).contains("DealbridgePropagationLagOver30s",
                "DealbridgeDeadLetter", "DealbridgeOutboxBacklogGrowing", "DealbridgeNotificationMailFailing");
        assertThat(rules).allSatisfy(rule -> assertThat(rule).containsKeys("alert", "expr", "labels", "annotations"));
        assertThat(rules).filteredOn(rule -> rule.get("alert").equals("DealbridgeOutboxBacklogGrowing"))
                .singleElement().satisfies(rule -> assertThat(rule.get("for")).isEqualTo("5m"));
        assertThat(rules).filteredOn(rule -> rule.get("alert").equals("DealbridgePropagationLagOver30s"))
                .singleElement().satisfies(rule -> assertThat((String) rule.get("expr")).endsWith("> 30"));
        for (Map<String, Object> rule : rules) {
            assertThat(undocumented((String) rule.get("expr"))).as(rule.get("alert").toString()).isEmpty();
        }
    }

    @Test
    void theDashboardShowsLagBacklogThroughputDeadLettersAndMailFromDocumentedMetrics() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build()
                .readTree(Files.readString(OBSERVABILITY.resolve("grafana/dashboards/dealbridge.json")));
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("datasource").get("uid").asString()).isEqualTo("prometheus");
            panel.get("targets").forEach(target -> expressions.add(target.get("expr").asString()));
        }
        String all = String.join("\n", expressions);

        assertThat(all).contains("dealbridge_propagation_lag_seconds_bucket", "dealbridge_outbox_backlog_events",
                "dealbridge_relay_published_total", "dealbridge_inbox_applied_total", "dealbridge_dead_letters_total",
                "dealbridge_notifications_failed_total");
        assertThat(undocumented(all)).isEmpty();
        assertThat(Files.readString(OBSERVABILITY.resolve("grafana/provisioning/datasources/prometheus.yml")))
                .contains("uid: prometheus");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesBothServicesWithTheirTokensAndLoadsTheRules() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(OBSERVABILITY.resolve("prometheus/prometheus.yml")));

        assertThat((List<Object>) config.get("rule_files")).containsExactly("/etc/prometheus/alerts.yml");
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        assertThat(jobs).extracting(job -> job.get("job_name")).containsExactly("partner-service", "crm-service");
        assertThat(jobs).allSatisfy(job -> {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            assertThat(job.get("authorization").toString()).contains("credentials_file");
        });
        assertThat(Files.readString(ROOT.resolve("docker-compose.yml")))
                .contains("./observability/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro",
                        "/prometheus/partner.token", "/prometheus/crm.token");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alertRules() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(OBSERVABILITY.resolve("prometheus/alerts.yml")));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    /** The dealbridge series in the text whose metric the README's metrics table does not name. */
    private static Set<String> undocumented(String promql) throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher table = DOCUMENTED_METRIC.matcher(Files.readString(ROOT.resolve("README.md")));
        while (table.find()) {
            documented.add(table.group(1));
        }
        assertThat(documented).as("the README's metrics table").hasSizeGreaterThan(8);
        Set<String> missing = new TreeSet<>();
        Matcher series = DEALBRIDGE_SERIES.matcher(promql);
        while (series.find()) {
            String name = series.group().replaceFirst("_(bucket|count|sum|max)$", "");
            if (!documented.contains(name)) {
                missing.add(series.group());
            }
        }
        return missing;
    }
}
