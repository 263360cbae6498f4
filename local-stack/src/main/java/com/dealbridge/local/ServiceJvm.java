package com.dealbridge.local;

import com.dealbridge.contracts.serde.AvroCodec;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service in a JVM of its own, as it would run alone next to Kafka and MongoDB: for the benchmark (its memory is its
 * own) and for tests that kill a service with {@code kill -9}. The JVM gets the classpath it is given, or this JVM's.
 */
public final class ServiceJvm {

    /**
     * What every service JVM gets, as the Dockerfile does: a 256 MiB heap that starts small and gives memory back
     * (the JVM otherwise starts at a 64th of the machine's memory, here the whole heap, and its young generation
     * alone touches ~90 MiB), the serial collector, smaller thread stacks and code cache, only the C1 compiler
     * (docs/adr/0015: on two cores C2's compilations cost more CPU than its faster code saved within minutes, and
     * its profiles and code about 50 MiB), a cap on the direct buffers that each thread keeps for socket I/O of heap
     * buffers (uncapped, a consumer thread keeps one as large as the largest fetch it ever read: 13.7 MiB in all in
     * the CRM after a catch-up, 1.5 MiB with the cap: docs/adr/0016), a young generation of a fifth of the heap
     * instead of a third and the C library's free memory given back every 5 s (docs/adr/0017), and Avro's trust list.
     */
    public static final List<String> DEFAULT_OPTIONS = List.of("-Xmx256m", "-Xms32m", "-XX:+UseSerialGC",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:NewRatio=4",
            "-XX:TrimNativeHeapInterval=5000", "-Xss512k", "-XX:ReservedCodeCacheSize=64m",
            "-XX:TieredStopAtLevel=1", "-Djdk.nio.maxCachedBufferSize=262144",
            "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=com.dealbridge.contracts.avro");

    private final String name;
    private final String mainClass;
    private final String classpath;
    private final int port;
    private final List<String> jvmOptions;
    private final List<String> args;
    private final Path log;
    private Process process;
    /** The highest resident memory of this service's earlier processes (it was stopped or killed, then started). */
    private long earlierPeakMiB;

    /**
     * @param args the program's arguments; for a Spring service {@code --server.port} and {@code --server.address}
     *             are added before them (harmless for another program that ignores them)
     */
    public ServiceJvm(String name, String mainClass, int port, List<String> jvmOptions, List<String> args,
                      Path log) {
        this(name, mainClass, System.getProperty("java.class.path"), port, jvmOptions, args, log);
    }

    /**
     * @param classpath the service's own runtime classpath: a benchmark's or a test's classpath also holds the broker,
     *                  the stores and the other service, whose classes a service may then load and keep (the
     *                  broker's log4j-core, for one: the logging set-up loads 349 of its classes once it is there)
     */
    public ServiceJvm(String name, String mainClass, String classpath, int port, List<String> jvmOptions,
                      List<String> args, Path log) {
        this.name = name;
        this.mainClass = mainClass;
        this.classpath = classpath;
        this.port = port;
        this.jvmOptions = List.copyOf(jvmOptions);
        List<String> all = new ArrayList<>(List.of("--server.port=" + port, "--server.address=127.0.0.1"));
        all.addAll(args);
        this.args = List.copyOf(all);
        this.log = log;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }

    /** Starts the JVM (its output appended to the log file) and waits until the service reports UP. */
    public void start(Duration timeout) throws IOException {
        HealthProbe probe = new HealthProbe(HttpClient.newHttpClient(), JsonMapper.builder().build());
        start(timeout, () -> "UP".equals(probe.awaitUp(Map.of(name, baseUrl()), Duration.ZERO).get(name)));
    }

    /** Starts the JVM and waits until {@code ready} says so (for a process without a health endpoint). */
    public void start(Duration timeout, BooleanSupplier ready) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command);
        // glibc's per-thread malloc arenas (64 MiB each, up to 8 per core) are most of a JVM's unaccounted memory
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        // the registry this JVM's events are written against (a test JVM's shared one): the service must read them
        String registry = System.getProperty(AvroCodec.REGISTRY_URL_PROPERTY);
        if (registry != null) {
            builder.environment().put(AvroCodec.REGISTRY_URL_ENV, registry);
        }
        process = builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + name + " starts", e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not come up within " + timeout + "; see " + log);
    }

    /** A graceful stop, as a deployment does it (SIGTERM). */
    public void stop() throws InterruptedException {
        if (process != null) {
            rememberPeak();
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** {@code kill -9}: no shutdown hook, no flush, nothing in flight finished. */
    public void kill() throws InterruptedException {
        if (process != null) {
            rememberPeak();
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * Resident memory now and at its peak, from /proc, in MiB; the peak is the highest of every process this service
     * ran, since a restart (the benchmark's catch-up) would otherwise forget the peak of the load before it.
     */
    public long[] rssMiB() throws IOException {
        long[] rss = processRssMiB();
        return new long[] {rss[0], Math.max(rss[1], earlierPeakMiB)};
    }

    private void rememberPeak() {
        try {
            earlierPeakMiB = Math.max(earlierPeakMiB, processRssMiB()[1]);
        } catch (IOException e) {
            // the process is gone already (it exited, or was killed from outside): its peak cannot be read any more
        }
    }

    private long[] processRssMiB() throws IOException {
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

    /**
     * CPU time the process used so far (user and system, all threads), in milliseconds, from /proc: on a shared
     * machine a scenario's CPU per operation is steadier than its throughput.
     */
    public long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        // the fields after the command name, which is in parentheses and may hold spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    /** USER_HZ, 100 on every Linux architecture the JDK runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
