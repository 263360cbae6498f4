package com.dealbridge.bench;

import com.dealbridge.local.ServiceJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The two services as the benchmark runs them: each in its own JVM, on the stores and broker it started. */
final class Services {

    static final String ADMIN_TOKEN = "bench-admin";

    private Services() {
    }

    static ServiceJvm partner(int port, String kafka, String mongoUri, int smtpPort, Path logDir) {
        return new ServiceJvm("partner-service", "com.dealbridge.partner.PartnerServiceApplication",
                classpath("partner-service"), port, jvmOptions("partner-service"), common(kafka, mongoUri, smtpPort),
                logDir.resolve("partner-service.log"));
    }

    /** The CRM mails its deal team too (docs/adr/0013): without the SMTP port its mails failed and were retried. */
    static ServiceJvm crm(int port, String kafka, String mongoUri, int smtpPort, Path logDir) {
        return new ServiceJvm("crm-service", "com.dealbridge.crm.CrmServiceApplication", classpath("crm-service"),
                port, jvmOptions("crm-service"), common(kafka, mongoUri, smtpPort), logDir.resolve("crm-service.log"));
    }

    /**
     * The service's own runtime classpath, which run.sh passes as {@code bench.classpath.<service>}: the benchmark's
     * would add the broker's and the stores' jars to what the service loads and keeps in memory.
     */
    private static String classpath(String name) {
        return System.getProperty("bench.classpath." + name, System.getProperty("java.class.path"));
    }

    /** The services' default options, and BENCH_SERVICE_JVM_OPTS ({service} replaced by the service's name). */
    private static List<String> jvmOptions(String name) {
        List<String> options = new ArrayList<>(ServiceJvm.DEFAULT_OPTIONS);
        // e.g. BENCH_SERVICE_JVM_OPTS="-XX:StartFlightRecording=filename=/tmp/{service}.jfr" profiles the services
        String extra = System.getenv().getOrDefault("BENCH_SERVICE_JVM_OPTS", "").strip().replace("{service}", name);
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }

    private static List<String> common(String kafka, String mongoUri, int smtpPort) {
        List<String> args = new ArrayList<>();
        args.add("--spring.kafka.bootstrap-servers=" + kafka);
        args.add("--spring.mongodb.uri=" + mongoUri);
        args.add("--spring.mail.host=127.0.0.1");
        args.add("--spring.mail.port=" + smtpPort);
        args.add("--dealbridge.mongodb.embedded.enabled=false");
        args.add("--dealbridge.security.admin-token=" + ADMIN_TOKEN);
        args.add("--spring.main.banner-mode=off");
        args.add("--logging.level.root=WARN");
        // the single-meter endpoint, so polling a counter costs the service little (see Benchmark.applied)
        args.add("--management.endpoints.web.exposure.include=health,info,prometheus,metrics");
        return args;
    }
}
