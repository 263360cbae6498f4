package com.dealbridge.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Release tool, not a test: its name does not match Surefire's includes, so it only runs when asked for.
 * For every contract type whose current schema differs from its newest released version (or was never released) it
 * writes {@code src/main/resources/avro-history/<RecordName>/v<N+1>.avsc} and appends it to {@code index.txt}.
 * It refuses a schema that is not compatible both ways with every released version. Run:
 *
 * <pre>mvn -B -o -pl sync-contracts test -Dtest=SchemaReleaser -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * then rebuild and write the golden sample of the new version with {@code -Dtest=GoldenSampleWriter}.
 */
class SchemaReleaser {

    private static final String INDEX_HEADER = """
            # Released Avro schema versions, oldest first per record. Listed explicitly because scanning
            # directories inside jars is fragile. Never edit or delete a released file: bytes written with it
            # may still sit in a topic. Append new versions with SchemaReleaser (see its javadoc).
            """;

    @Test
    void releaseEveryChangedSchema() throws IOException {
        Path history = Path.of(System.getProperty("basedir", ".")).resolve("src/main/resources/avro-history");
        Path index = history.resolve("index.txt");
        List<String> entries = new ArrayList<>();
        if (Files.exists(index)) {
            Files.readAllLines(index, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(entries::add);
        }
        List<String> released = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : ContractTypes.all()) {
            Schema current = ContractTypes.schemaOf(type);
            String recordName = current.getName();
            List<Schema> versions = new ArrayList<>();
            for (String entry : entries) {
                if (entry.startsWith(recordName + "/")) {
                    versions.add(new Schema.Parser().parse(history.resolve(entry).toFile()));
                }
            }
            if (!versions.isEmpty() && versions.get(versions.size() - 1).equals(current)) {
                continue;
            }
            for (int i = 0; i < versions.size(); i++) {
                assertCompatible(recordName + " current as reader of v" + (i + 1), current, versions.get(i));
                assertCompatible(recordName + " v" + (i + 1) + " as reader of current", versions.get(i), current);
            }
            String entry = recordName + "/v" + (versions.size() + 1) + ".avsc";
            Path file = history.resolve(entry);
            Files.createDirectories(file.getParent());
            Files.writeString(file, current.toString(true) + "\n", StandardCharsets.UTF_8);
            entries.add(entry);
            released.add(entry);
        }
        Files.createDirectories(history);
        Files.writeString(index, INDEX_HEADER + String.join("\n", entries) + "\n", StandardCharsets.UTF_8);
        System.out.println("Released: " + (released.isEmpty() ? "nothing, every schema is released" : released));
    }

    private static void assertCompatible(String what, Schema reader, Schema writer) {
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        assertThat(result.getType())
                .as("%s: %s", what, result.getResult().getIncompatibilities().stream()
                        .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                        .toList())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }
}
