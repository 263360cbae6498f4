package com.dealbridge.contracts.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Apicurio Registry (in-memory storage) run from its runner jar as a child process bound to one loopback port: what
 * the local stack and the tests start, so neither needs Docker. Production runs the registry as a service of its own
 * (docker-compose: {@code apicurio/apicurio-registry-mem}).
 */
public final class RegistryRunner implements AutoCloseable {

    private final Process process;
    private final URI base;

    private RegistryRunner(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Starts the registry and waits until its Confluent API answers.
     *
     * @param jar the runner jar ({@code io.apicurio:apicurio-registry-app:<v>:tar.gz:all}, unpacked by the build)
     * @param log where the registry's output goes
     * @throws IllegalStateException if the jar is missing, or the registry exits or does not answer in time
     */
    public static RegistryRunner start(Path jar, int port, Path log, Duration timeout) {
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("No registry runner jar at " + jar
                    + " (the build unpacks io.apicurio:apicurio-registry-app:tar.gz:all into sync-contracts/target/)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(java, "-Xmx256m", "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.http.port=" + port, "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            RegistryRunner registry = new RegistryRunner(process, URI.create("http://127.0.0.1:" + port));
            registry.awaitReady(log, timeout);
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the registry from " + jar, e);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8085}: what {@code dealbridge.schema-registry.url} names. */
    public URI baseUrl() {
        return base;
    }

    /** The Confluent-compatible API, e.g. {@code http://127.0.0.1:8085/apis/ccompat/v7}. */
    public URI ccompatApi() {
        return base.resolve("/apis/ccompat/v7");
    }

    @Override
    public void close() {
        process.destroy();
    }

    private void awaitReady(Path log, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(ccompatApi().resolve("/apis/ccompat/v7/subjects"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
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
        throw new IllegalStateException("The registry did not answer within " + timeout + "; see " + log);
    }
}
