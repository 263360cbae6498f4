package com.dealbridge.contracts.registry;

import com.dealbridge.contracts.tools.RegistryRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Apicurio Registry (in-memory storage) for tests: the runner jar that the build unpacks from Maven Central,
 * started once per test JVM ({@link RegistryRunner}) on a free loopback port and stopped when the JVM exits. The
 * jar's path is the system property {@code dealbridge.test.registry-jar} (set by the parent pom's Surefire
 * configuration).
 */
public final class RegistryProcess {

    static final String JAR_PROPERTY = "dealbridge.test.registry-jar";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final RegistryRunner runner;

    private RegistryProcess(RegistryRunner runner) {
        this.runner = runner;
    }

    /** The JVM's registry, started on first use. */
    public static RegistryProcess shared() {
        return Shared.INSTANCE;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}: what {@code dealbridge.schema-registry.url} names. */
    public URI baseUrl() {
        return runner.baseUrl();
    }

    /** Confluent-compatible API, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    public URI ccompatApi() {
        return runner.ccompatApi();
    }

    /** Apicurio's own API (what Apicurio's serde talks to). */
    public URI registryApi() {
        return runner.baseUrl().resolve("/apis/registry/v2");
    }

    private static RegistryProcess start() {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null) {
            throw new IllegalStateException("No " + JAR_PROPERTY + " system property (the parent pom's Surefire"
                    + " configuration sets it to the runner jar sync-contracts unpacks into its target/)");
        }
        int port = freePort();
        RegistryRunner runner = RegistryRunner.start(Path.of(jar), port,
                Path.of(jar).resolveSibling("registry-" + port + ".log"), START_TIMEOUT);
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "registry-stop"));
        return new RegistryProcess(runner);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Shared {
        static final RegistryProcess INSTANCE = start();
    }
}
