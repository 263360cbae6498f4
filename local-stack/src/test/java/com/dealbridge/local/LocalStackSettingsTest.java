package com.dealbridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackSettingsTest {

    @Test
    void usesTheDocumentedDefaultsWhenNothingIsSet() {
        LocalStackSettings settings = LocalStackSettings.fromEnvironment(Map.of());

        assertThat(settings.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(settings.ports()).containsExactly(
                Map.entry("KAFKA_PORT", 9092), Map.entry("KAFKA_CONTROLLER_PORT", 9093),
                Map.entry("PARTNER_MONGO_PORT", 27018), Map.entry("CRM_MONGO_PORT", 27019),
                Map.entry("SMTP_PORT", 3025), Map.entry("SCHEMA_REGISTRY_PORT", 8085), Map.entry("PARTNER_PORT", 8081),
                Map.entry("CRM_PORT", 8082));
        assertThat(settings.partnerUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(settings.schemaRegistryUrl()).isEqualTo("http://127.0.0.1:8085");
        assertThat(settings.tokensFile()).isEqualTo(Path.of("data", "tokens.properties").toAbsolutePath());
    }

    @Test
    void takesEveryPortAndTheDataDirectoryFromTheEnvironment() {
        LocalStackSettings settings = LocalStackSettings.fromEnvironment(Map.of(
                "DATA_DIR", "/tmp/dealbridge-data", "PARTNER_PORT", "18081", "CRM_PORT", "18082",
                "KAFKA_PORT", "19092", "KAFKA_CONTROLLER_PORT", "19093", "PARTNER_MONGO_PORT", "37018",
                "CRM_MONGO_PORT", "37019", "SMTP_PORT", " 13025 ", "SCHEMA_REGISTRY_PORT", "18085"));

        assertThat(settings).isEqualTo(new LocalStackSettings(Path.of("/tmp/dealbridge-data"), 18081, 18082, 19092,
                19093, 37018, 37019, 13025, 18085));
        assertThat(settings.crmMongoDir()).isEqualTo(Path.of("/tmp/dealbridge-data/crm-mongo"));
    }

    @Test
    void rejectsANonNumericPortNamingTheVariableAndItsDefault() {
        assertThatThrownBy(() -> LocalStackSettings.fromEnvironment(Map.of("KAFKA_PORT", "ninety")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KAFKA_PORT='ninety'")
                .hasMessageContaining("9092");
    }

    @Test
    void rejectsAPortOutsideTheTcpRange() {
        assertThatThrownBy(() -> LocalStackSettings.fromEnvironment(Map.of("SMTP_PORT", "70000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SMTP_PORT=70000");
    }

    @Test
    void rejectsTwoListenersOnOnePort() {
        assertThatThrownBy(() -> LocalStackSettings.fromEnvironment(Map.of("CRM_PORT", "9092")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CRM_PORT and KAFKA_PORT both use port 9092");
    }
}
