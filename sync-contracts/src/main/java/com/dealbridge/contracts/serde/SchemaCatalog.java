package com.dealbridge.contracts.serde;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParseException;
import org.apache.avro.message.SchemaStore;

/**
 * Every released version of every contract schema plus the current (compiled-in) ones, looked up by the
 * CRC-64-AVRO fingerprint that single-object encoding puts in each message header.
 *
 * <p>Released versions are read from {@code avro-history/index.txt} on the classpath, which lists files such as
 * {@code SharedDealAssigned/v1.avsc} (an explicit index because scanning directories inside jars is fragile). Each
 * file is a self-contained schema, nested types inlined, so an old version parses without today's types. Immutable
 * and thread-safe.
 */
public final class SchemaCatalog {

    static final String HISTORY_DIR = "avro-history/";
    static final String INDEX = HISTORY_DIR + "index.txt";
    private static final Pattern ENTRY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)/v([1-9][0-9]*)\\.avsc");

    private final Map<String, List<Schema>> released;
    private final Map<String, Schema> current;
    private final List<Schema> extraWriters;
    private final Map<Long, Schema> byFingerprint;

    SchemaCatalog(Map<String, List<Schema>> released, Collection<Schema> current) {
        this(released, current, List.of());
    }

    private SchemaCatalog(Map<String, List<Schema>> released, Collection<Schema> current, List<Schema> extraWriters) {
        Map<String, List<Schema>> releasedCopy = new LinkedHashMap<>();
        released.forEach((name, versions) -> releasedCopy.put(name, List.copyOf(versions)));
        this.released = Collections.unmodifiableMap(releasedCopy);
        Map<String, Schema> currentByName = new LinkedHashMap<>();
        current.forEach(schema -> currentByName.put(schema.getFullName(), schema));
        this.current = Collections.unmodifiableMap(currentByName);
        this.extraWriters = List.copyOf(extraWriters);
        Map<Long, Schema> fingerprints = new LinkedHashMap<>();
        // Writer schemas only need the structure, which the fingerprint covers; when two versions share it
        // (they differ in docs or defaults only) either one decodes the same bytes.
        this.released.values().forEach(versions -> versions.forEach(s -> fingerprints.putIfAbsent(fingerprint(s), s)));
        this.current.values().forEach(s -> fingerprints.putIfAbsent(fingerprint(s), s));
        this.extraWriters.forEach(s -> fingerprints.putIfAbsent(fingerprint(s), s));
        this.byFingerprint = Collections.unmodifiableMap(fingerprints);
    }

    /**
     * The catalog of this build: the history on the classpath plus the current schema of every {@link ContractTypes}
     * class. Loaded once; fails fast with {@link IllegalStateException} if the history is broken.
     */
    public static SchemaCatalog load() {
        return Loaded.INSTANCE;
    }

    /** CRC-64-AVRO fingerprint of the schema's parsing canonical form, as single-object encoding writes it. */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /** The schema a message with this header fingerprint was written with, if this build knows it. */
    public Optional<Schema> writerSchema(long fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    /** This catalog as Avro's lookup interface for {@code BinaryMessageDecoder}; unknown fingerprints give null. */
    public SchemaStore asSchemaStore() {
        return byFingerprint::get;
    }

    /**
     * Released versions of one record, oldest first: index 0 is v1.
     *
     * @param fullName e.g. {@code com.dealbridge.contracts.avro.SharedDealRegistered}
     * @return the versions, or an empty list for a name never released
     */
    public List<Schema> releasedVersions(String fullName) {
        return released.getOrDefault(fullName, List.of());
    }

    /** The compiled-in schema of a contract message type. */
    public Optional<Schema> currentSchema(String fullName) {
        return Optional.ofNullable(current.get(fullName));
    }

    /** A copy that also resolves {@code writer} by its fingerprint, e.g. an ad-hoc older schema in a test. */
    SchemaCatalog withWriterSchema(Schema writer) {
        List<Schema> extras = new ArrayList<>(extraWriters);
        extras.add(writer);
        return new SchemaCatalog(released, current.values(), extras);
    }

    /** Reads the released history listed in the index resource of {@code loader}. */
    static SchemaCatalog fromClasspath(ClassLoader loader) {
        Map<String, List<Schema>> released = new LinkedHashMap<>();
        Map<String, Integer> lastVersion = new LinkedHashMap<>();
        for (String entry : readIndex(loader)) {
            Matcher matcher = ENTRY.matcher(entry);
            if (!matcher.matches()) {
                throw new IllegalStateException(INDEX + ": '" + entry + "' is not of the form <RecordName>/v<N>.avsc");
            }
            String recordName = matcher.group(1);
            int version = Integer.parseInt(matcher.group(2));
            int expected = lastVersion.getOrDefault(recordName, 0) + 1;
            if (version != expected) {
                throw new IllegalStateException(INDEX + ": " + entry + " out of order, expected " + recordName
                        + "/v" + expected + ".avsc (versions are listed oldest first without gaps)");
            }
            lastVersion.put(recordName, version);
            Schema schema = parse(loader, HISTORY_DIR + entry);
            if (!schema.getName().equals(recordName)) {
                throw new IllegalStateException(HISTORY_DIR + entry + " holds " + schema.getFullName()
                        + ", not " + recordName);
            }
            released.computeIfAbsent(schema.getFullName(), name -> new ArrayList<>()).add(schema);
        }
        List<Schema> current = ContractTypes.all().stream().map(ContractTypes::schemaOf).toList();
        return new SchemaCatalog(released, current);
    }

    /** Entries of the index resource (blank lines and {@code #} comments skipped), in file order. */
    static List<String> readIndex(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("Schema history index " + INDEX + " is not on the classpath");
            }
            List<String> entries = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + INDEX, e);
        }
    }

    private static Schema parse(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(INDEX + " lists " + resource + ", which is not on the classpath");
            }
            return new Schema.Parser().parse(in);
        } catch (IOException | SchemaParseException e) {
            throw new IllegalStateException("Cannot parse released schema " + resource + ": " + e.getMessage(), e);
        }
    }

    // Holder idiom: loaded on first use, once, without locking afterwards.
    private static final class Loaded {
        static final SchemaCatalog INSTANCE = fromClasspath(SchemaCatalog.class.getClassLoader());
    }
}
