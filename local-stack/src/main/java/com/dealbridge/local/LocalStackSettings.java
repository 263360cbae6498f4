package com.dealbridge.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the local stack listens and keeps its files. Every value can be overridden by an environment variable
 * so two stacks (or a stack and a test run) can live side by side on one machine.
 *
 * @param dataDir            {@code DATA_DIR}, default {@code ./data}: Kafka logs, MongoDB files, sent mail, tokens
 * @param partnerPort        {@code PARTNER_PORT}, default 8081: partner-service HTTP
 * @param crmPort            {@code CRM_PORT}, default 8082: crm-service HTTP
 * @param kafkaPort          {@code KAFKA_PORT}, default 9092: Kafka bootstrap (PLAINTEXT)
 * @param kafkaControllerPort {@code KAFKA_CONTROLLER_PORT}, default 9093: KRaft controller listener
 * @param partnerMongoPort   {@code PARTNER_MONGO_PORT}, default 27018: partner-service's MongoDB-wire server
 * @param crmMongoPort       {@code CRM_MONGO_PORT}, default 27019: crm-service's MongoDB-wire server
 * @param smtpPort           {@code SMTP_PORT}, default 3025: the SMTP server that catches every mail
 * @param schemaRegistryPort {@code SCHEMA_REGISTRY_PORT}, default 8085: the schema registry (Apicurio, in memory)
 */
public record LocalStackSettings(
        Path dataDir,
        int partnerPort,
        int crmPort,
        int kafkaPort,
        int kafkaControllerPort,
        int partnerMongoPort,
        int crmMongoPort,
        int smtpPort,
        int schemaRegistryPort) {

    /** Loopback only: the stack is a developer tool and must not be reachable from the network. */
    public static final String HOST = "127.0.0.1";

    public LocalStackSettings {
        dataDir = dataDir.toAbsolutePath().normalize();
        Map<String, Integer> ports = ports(partnerPort, crmPort, kafkaPort, kafkaControllerPort, partnerMongoPort,
                crmMongoPort, smtpPort, schemaRegistryPort);
        Map<Integer, String> seen = new LinkedHashMap<>();
        ports.forEach((name, port) -> {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(name + "=" + port + " is not a TCP port (1-65535)");
            }
            String other = seen.putIfAbsent(port, name);
            if (other != null) {
                throw new IllegalArgumentException(name + " and " + other + " both use port " + port);
            }
        });
    }

    public static LocalStackSettings fromEnvironment(Map<String, String> env) {
        return new LocalStackSettings(
                Path.of(env.getOrDefault("DATA_DIR", "data")),
                port(env, "PARTNER_PORT", 8081),
                port(env, "CRM_PORT", 8082),
                port(env, "KAFKA_PORT", 9092),
                port(env, "KAFKA_CONTROLLER_PORT", 9093),
                port(env, "PARTNER_MONGO_PORT", 27018),
                port(env, "CRM_MONGO_PORT", 27019),
                port(env, "SMTP_PORT", 3025),
                port(env, "SCHEMA_REGISTRY_PORT", 8085));
    }

    /** Ports by the environment variable that sets them, in start order, for checks and messages. */
    public Map<String, Integer> ports() {
        return ports(partnerPort, crmPort, kafkaPort, kafkaControllerPort, partnerMongoPort, crmMongoPort, smtpPort,
                schemaRegistryPort);
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path partnerMongoDir() {
        return dataDir.resolve("partner-mongo");
    }

    public Path crmMongoDir() {
        return dataDir.resolve("crm-mongo");
    }

    public Path mailDir() {
        return dataDir.resolve("mail");
    }

    public Path schemaRegistryLog() {
        return dataDir.resolve("schema-registry.log");
    }

    public Path tokensFile() {
        return dataDir.resolve("tokens.properties");
    }

    public String partnerUrl() {
        return "http://" + HOST + ":" + partnerPort;
    }

    public String schemaRegistryUrl() {
        return "http://" + HOST + ":" + schemaRegistryPort;
    }

    public String crmUrl() {
        return "http://" + HOST + ":" + crmPort;
    }

    private static Map<String, Integer> ports(int partnerPort, int crmPort, int kafkaPort, int kafkaControllerPort,
            int partnerMongoPort, int crmMongoPort, int smtpPort, int schemaRegistryPort) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("KAFKA_PORT", kafkaPort);
        ports.put("KAFKA_CONTROLLER_PORT", kafkaControllerPort);
        ports.put("PARTNER_MONGO_PORT", partnerMongoPort);
        ports.put("CRM_MONGO_PORT", crmMongoPort);
        ports.put("SMTP_PORT", smtpPort);
        ports.put("SCHEMA_REGISTRY_PORT", schemaRegistryPort);
        ports.put("PARTNER_PORT", partnerPort);
        ports.put("CRM_PORT", crmPort);
        return ports;
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "='" + value + "' is not a number; unset it to use "
                    + defaultPort);
        }
    }
}
