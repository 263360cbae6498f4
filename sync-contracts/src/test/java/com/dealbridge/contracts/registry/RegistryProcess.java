package com.dealbridge.contracts.registry;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real Apicurio Registry (in-memory storage) for tests: the runner jar that the build unpacks from Maven Central,
 * started once per test JVM as a process on a free loopback port and stopped when the JVM exits. The jar's path is
 * the system property {@code dealbridge.test.registry-jar} (set by the module's Surefire configuration).
 */
public final class RegistryProcess {

    static final String JAR_PROPERTY = "dealbridge.test.registry-jar";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final URI base;

    private RegistryProcess(URI base) {
        this.base = base;
    }

    /** The JVM's registry, started on first use. */
    public static RegistryProcess shared() {
        return Shared.INSTANCE;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}: what {@code dealbridge.schema-registry.url} names. */
    public URI baseUrl() {
        return base;
    }

    /** Confluent-compatible API, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    public URI ccompatApi() {
        return base.resolve("/apis/ccompat/v7");
    }

    /** Apicurio's own API (what Apicurio's serde talks to). */
    public URI registryApi() {
        return base.resolve("/apis/registry/v2");
    }

    private static RegistryProcess start() {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No registry runner jar at " + JAR_PROPERTY + "=" + jar
                    + " (the build unpacks io.apicurio:apicurio-registry-app:tar.gz:all into target/)");
        }
        int port = freePort();
        Path log = Path.of(jar).resolveSibling("registry-" + port + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Process process = new ProcessBuilder(java, "-Xmx256m", "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.http.port=" + port, "-jar", jar)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "registry-stop"));
            RegistryProcess registry = new RegistryProcess(URI.create("http://127.0.0.1:" + port));
            registry.awaitReady(process, log.toFile());
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the registry from " + jar, e);
        }
    }

    private void awaitReady(Process process, File log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(ccompatApi().resolve("/apis/ccompat/v7/subjects"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The registry exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the registry", e);
            }
            try {
                // polling a starting process: there is nothing to wait on but time
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the registry", e);
            }
        }
        process.destroy();
        throw new IllegalStateException("The registry did not answer within " + START_TIMEOUT + "; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Shared {
        static final RegistryProcess INSTANCE = start();
    }
}
