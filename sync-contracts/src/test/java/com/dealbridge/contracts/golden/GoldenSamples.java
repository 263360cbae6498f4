package com.dealbridge.contracts.golden;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.contracts.serde.ContractTypes;
import com.dealbridge.contracts.serde.SchemaCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Golden sample messages of every released schema version, for contract tests in this module and in the services
 * (they get them through the sync-contracts test-jar). Files live at {@code golden/v<N>/<RecordName>.json|.bin};
 * they are written once per released version by {@link GoldenSampleWriter} and never changed afterwards, so a
 * consumer test proves it still reads what older producers wrote.
 */
public final class GoldenSamples {

    static final String ROOT = "golden/";

    private GoldenSamples() {
    }

    /** Every golden sample present, for every contract type and released version, oldest version first per type. */
    public static List<GoldenSample> all() {
        List<GoldenSample> samples = new ArrayList<>();
        SchemaCatalog catalog = SchemaCatalog.load();
        for (Class<? extends SpecificRecord> type : ContractTypes.all()) {
            Schema current = ContractTypes.schemaOf(type);
            List<Schema> versions = catalog.releasedVersions(current.getFullName());
            for (int version = 1; version <= versions.size(); version++) {
                find(current.getName(), version).ifPresent(samples::add);
            }
        }
        return List.copyOf(samples);
    }

    /**
     * The golden sample of a record name and released version, if one was written.
     *
     * @param recordName simple name, e.g. {@code ProductChanged}
     */
    public static Optional<GoldenSample> find(String recordName, int version) {
        Optional<byte[]> bytes = resource(path(recordName, version, "bin"));
        Optional<byte[]> json = resource(path(recordName, version, "json"));
        if (bytes.isEmpty() || json.isEmpty()) {
            return Optional.empty();
        }
        Schema writer = writerSchema(recordName, version);
        return Optional.of(new GoldenSample(recordName, version, writer, new String(json.get(), StandardCharsets.UTF_8),
                bytes.get()));
    }

    /**
     * Single-object bytes of a golden sample, as a producer of that version wrote them.
     *
     * @throws IllegalArgumentException if there is no such sample
     */
    public static byte[] bytes(String recordName, int version) {
        return resource(path(recordName, version, "bin")).orElseThrow(() -> new IllegalArgumentException(
                "No golden sample " + path(recordName, version, "bin") + " on the classpath"));
    }

    /**
     * A realistic instance of a contract message class: the golden sample of its newest released version, decoded
     * with {@link AvroCodec} (so it is a current-class instance).
     *
     * @param type one of {@link ContractTypes#all()}
     */
    public static SpecificRecord sample(Class<?> type) {
        Class<? extends SpecificRecord> messageType = ContractTypes.all().stream()
                .filter(candidate -> candidate == type)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is not in ContractTypes"));
        Schema current = ContractTypes.schemaOf(messageType);
        int newest = SchemaCatalog.load().releasedVersions(current.getFullName()).size();
        if (newest == 0) {
            throw new IllegalArgumentException(current.getName() + " has no released version yet");
        }
        return AvroCodec.decode(bytes(current.getName(), newest));
    }

    /** Typed variant of {@link #sample(Class)}. */
    public static <T extends SpecificRecord> T sampleOf(Class<T> type) {
        return type.cast(sample(type));
    }

    static String path(String recordName, int version, String extension) {
        return ROOT + "v" + version + "/" + recordName + "." + extension;
    }

    private static Schema writerSchema(String recordName, int version) {
        String fullName = ContractTypes.all().stream()
                .map(ContractTypes::schemaOf)
                .filter(schema -> schema.getName().equals(recordName))
                .map(Schema::getFullName)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(recordName + " is not a contract type"));
        List<Schema> versions = SchemaCatalog.load().releasedVersions(fullName);
        if (version < 1 || version > versions.size()) {
            throw new IllegalArgumentException(recordName + " has no released version " + version);
        }
        return versions.get(version - 1);
    }

    private static Optional<byte[]> resource(String path) {
        try (InputStream in = GoldenSamples.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
