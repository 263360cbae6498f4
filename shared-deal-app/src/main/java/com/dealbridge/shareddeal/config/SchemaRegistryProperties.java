package com.dealbridge.shareddeal.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The schema registry every event is written and read against (docs/adr/0011).
 *
 * @param url the registry's base URL ({@code SCHEMA_REGISTRY_URL}), e.g. {@code http://127.0.0.1:8085}; Apicurio's
 *     API is under {@code /apis/registry/v2}, the Confluent-compatible one under {@code /apis/ccompat/v7}
 * @param autoRegister register a schema the registry lacks on first send; {@code false} by default, because
 *     schemas are registered at deploy time ({@code tools.RegisterSchemas}) under FULL_TRANSITIVE rules
 */
@ConfigurationProperties("dealbridge.schema-registry")
public record SchemaRegistryProperties(URI url, boolean autoRegister) {
}
