package com.dealbridge.local;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code tokens.properties}: what seeding created, written after every step. The API shows a token only once, so
 * this file is the only place it survives; writing it step by step lets an interrupted seeding resume without
 * creating anything twice.
 */
final class SeedFile {

    static final String COMPLETED = "seed.completed";

    private final Path path;
    private final TreeMap<String, String> values = new TreeMap<>();

    private SeedFile(Path path) {
        this.path = path;
    }

    static SeedFile load(Path path) {
        SeedFile file = new SeedFile(path);
        if (Files.exists(path)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path, e);
            }
            properties.stringPropertyNames().forEach(key -> file.values.put(key, properties.getProperty(key)));
        }
        return file;
    }

    Path path() {
        return path;
    }

    boolean isComplete() {
        return Boolean.parseBoolean(values.get(COMPLETED));
    }

    synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    synchronized void put(String key, String value) {
        values.put(key, value);
        save();
    }

    void markComplete() {
        put(COMPLETED, "true");
    }

    /** Sorted keys and a temp file moved into place: readable by people, never half-written. */
    private void save() {
        StringBuilder text = new StringBuilder()
                .append("# dealbridge local stack: demo data created on first start.\n")
                .append("# Tokens are shown once by the API; this file is their only copy. Delete the data\n")
                .append("# directory to start from scratch.\n");
        values.forEach((key, value) -> text.append(line(key, value)).append('\n'));
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path temp = path.resolveSibling(path.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                writer.write(text.toString());
            }
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path, e);
        }
    }

    /** One entry in java.util.Properties syntax, so names with '=', ':' or non-ASCII read back unchanged. */
    private static String line(String key, String value) {
        Properties one = new Properties();
        one.setProperty(key, value);
        StringWriter writer = new StringWriter();
        try {
            one.store(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toString().lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
    }
}
