package com.dealbridge.contracts.golden;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.contracts.serde.ContractTypes;
import com.dealbridge.contracts.serde.SchemaCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Generator, not a test: its name does not match Surefire's includes, so it only runs when asked for. For every
 * contract type whose current schema is a released version without a golden sample yet, it writes
 * {@code src/test/resources/golden/v<N>/<RecordName>.json} and {@code .bin} from {@link GoldenSampleFactory}.
 * Existing samples are never rewritten (old bytes must stay exactly as old producers wrote them) unless
 * {@code -Dgolden.overwrite=true} is given, which is only legitimate before a version is first pushed. Run:
 *
 * <pre>mvn -B -o -pl sync-contracts test -Dtest=GoldenSampleWriter -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class GoldenSampleWriter {

    @Test
    void writeMissingGoldenSamples() throws IOException {
        Path root = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources");
        boolean overwrite = Boolean.getBoolean("golden.overwrite");
        SchemaCatalog catalog = SchemaCatalog.load();
        List<String> written = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : ContractTypes.all()) {
            Schema current = ContractTypes.schemaOf(type);
            List<Schema> versions = catalog.releasedVersions(current.getFullName());
            int version = versions.indexOf(current) + 1;
            assertThat(version)
                    .as("%s: current schema is not released; run SchemaReleaser and rebuild first", current.getName())
                    .isPositive();
            Path bin = root.resolve(GoldenSamples.path(current.getName(), version, "bin"));
            Path json = root.resolve(GoldenSamples.path(current.getName(), version, "json"));
            if (Files.exists(bin) && !overwrite) {
                continue;
            }
            SpecificRecord sample = GoldenSampleFactory.sampleFor(type);
            Files.createDirectories(bin.getParent());
            Files.write(bin, AvroCodec.encodeSingleObject(sample));
            Files.writeString(json, toJson(sample, current), StandardCharsets.UTF_8);
            written.add(bin.getFileName() + " v" + version);
        }
        System.out.println("Golden samples written: " + (written.isEmpty() ? "none missing" : written));
    }

    private static String toJson(SpecificRecord record, Schema schema) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out, true);
        new SpecificDatumWriter<SpecificRecord>(schema, SpecificData.getForClass(record.getClass()))
                .write(record, encoder);
        encoder.flush();
        return out.toString(StandardCharsets.UTF_8) + "\n";
    }
}
