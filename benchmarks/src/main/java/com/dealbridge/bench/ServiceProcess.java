package com.dealbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One service in a JVM of its own, as it would run alone next to Kafka and MongoDB. */
final class ServiceProcess {

    static final String ADMIN_TOKEN = "bench-admin";

    private final String name;
    private final String mainClass;
    private final List<String> args;
    private final Path log;
    private final int port;
    private Process process;

    ServiceProcess(String name, String mainClass, int port, List<String> args, Path log) {
        this.name = name;
        this.mainClass = mainClass;
        this.port = port;
        this.args = args;
        this.log = log;
    }

    static ServiceProcess partner(int port, String kafka, String mongoUri, int smtpPort, Path logDir) {
        List<String> args = common(port, kafka, mongoUri);
        args.add("--spring.mail.host=127.0.0.1");
        args.add("--spring.mail.port=" + smtpPort);
        return new ServiceProcess("partner-service", "com.dealbridge.partner.PartnerServiceApplication", port, args,
                logDir.resolve("partner-service.log"));
    }

    static ServiceProcess crm(int port, String kafka, String mongoUri, Path logDir) {
        return new ServiceProcess("crm-service", "com.dealbridge.crm.CrmServiceApplication", port,
                common(port, kafka, mongoUri), logDir.resolve("crm-service.log"));
    }

    private static List<String> common(int port, String kafka, String mongoUri) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--server.address=127.0.0.1");
        args.add("--spring.kafka.bootstrap-servers=" + kafka);
        args.add("--spring.mongodb.uri=" + mongoUri);
        args.add("--dealbridge.mongodb.embedded.enabled=false");
        args.add("--dealbridge.security.admin-token=" + ADMIN_TOKEN);
        args.add("--spring.main.banner-mode=off");
        args.add("--logging.level.root=WARN");
        return args;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the JVM and waits until the service answers UP. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:+UseSerialGC",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=com.dealbridge.contracts.avro",
                "-cp", System.getProperty("java.class.path")));
        // e.g. BENCH_SERVICE_JVM_OPTS="-XX:StartFlightRecording=filename=/tmp/{service}.jfr" profiles the services
        String extra = System.getenv().getOrDefault("BENCH_SERVICE_JVM_OPTS", "").strip().replace("{service}", name);
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add(mainClass);
        command.addAll(args);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Http http = new Http(baseUrl());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.get("/actuator/health", ADMIN_TOKEN).status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not come up; see " + log);
    }

    /** A graceful stop, as a deployment would do it (SIGTERM). */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** Resident memory now and at its peak, from /proc, in MiB. */
    long[] rssMiB() throws IOException {
        long current = 0;
        long peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                current = kib(line) / 1024;
            } else if (line.startsWith("VmHWM:")) {
                peak = kib(line) / 1024;
            }
        }
        return new long[] {current, peak};
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    String name() {
        return name;
    }
}
