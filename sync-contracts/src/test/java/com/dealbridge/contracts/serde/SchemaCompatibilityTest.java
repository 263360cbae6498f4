package com.dealbridge.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Guards schema evolution: a change that old producers or old consumers could not live with fails the build. */
class SchemaCompatibilityTest {

    private static final SchemaCatalog CATALOG = SchemaCatalog.load();

    static Stream<Arguments> releasedVersions() {
        List<Arguments> pairs = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : ContractTypes.all()) {
            Schema current = ContractTypes.schemaOf(type);
            List<Schema> versions = CATALOG.releasedVersions(current.getFullName());
            for (int i = 0; i < versions.size(); i++) {
                pairs.add(Arguments.of(current.getName() + " v" + (i + 1), current, versions.get(i)));
            }
        }
        return pairs.stream();
    }

    static Stream<Class<? extends SpecificRecord>> contractTypes() {
        return ContractTypes.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedVersions")
    void currentSchemaReadsEveryReleasedVersion(String version, Schema current, Schema released) {
        assertCompatible(current, released);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedVersions")
    void everyReleasedVersionReadsTheCurrentSchema(String version, Schema current, Schema released) {
        assertCompatible(released, current);
    }

    @ParameterizedTest
    @MethodSource("contractTypes")
    void currentSchemaIsAReleasedVersion(Class<? extends SpecificRecord> type) {
        Schema current = ContractTypes.schemaOf(type);
        List<Long> releasedFingerprints = CATALOG.releasedVersions(current.getFullName()).stream()
                .map(SchemaCatalog::fingerprint)
                .toList();

        assertThat(releasedFingerprints)
                .as("%s changed without a release: run SchemaReleaser (see its javadoc)", current.getName())
                .contains(SchemaCatalog.fingerprint(current));
    }

    @ParameterizedTest
    @MethodSource("contractTypes")
    void newestReleasedVersionEqualsTheCurrentSchemaIncludingDefaults(Class<? extends SpecificRecord> type) {
        // The fingerprint ignores defaults and logical types; a change to those must be released too.
        Schema current = ContractTypes.schemaOf(type);
        List<Schema> versions = CATALOG.releasedVersions(current.getFullName());

        assertThat(versions).as("%s has no released version", current.getName()).isNotEmpty();
        assertThat(versions.get(versions.size() - 1))
                .as("%s differs from its newest released version: run SchemaReleaser", current.getName())
                .isEqualTo(current);
    }

    @Test
    void indexListsEveryReleasedSchemaFile() throws IOException, URISyntaxException {
        URL index = getClass().getClassLoader().getResource(SchemaCatalog.INDEX);
        assertThat(index).as("index on the classpath").isNotNull();
        Path historyDir = Path.of(index.toURI()).getParent();
        List<String> files;
        try (Stream<Path> walk = Files.walk(historyDir)) {
            files = walk.filter(path -> path.toString().endsWith(".avsc"))
                    .map(path -> historyDir.relativize(path).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }

        assertThat(files).isNotEmpty();
        assertThat(SchemaCatalog.readIndex(getClass().getClassLoader())).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void catalogResolvesEveryReleasedVersionByFingerprint() {
        for (Class<? extends SpecificRecord> type : ContractTypes.all()) {
            for (Schema released : CATALOG.releasedVersions(ContractTypes.schemaOf(type).getFullName())) {
                assertThat(CATALOG.writerSchema(SchemaCatalog.fingerprint(released)))
                        .as(released.getName())
                        .hasValueSatisfying(found -> assertThat(found.getFullName()).isEqualTo(released.getFullName()));
                assertThat(CATALOG.asSchemaStore().findByFingerprint(SchemaCatalog.fingerprint(released)))
                        .isNotNull();
            }
        }
    }

    @Test
    void aFieldAddedWithoutADefaultFailsTheCheckBothWaysItCanFail() {
        Schema released = CATALOG.releasedVersions("com.dealbridge.contracts.avro.SharedDealSnapshot").get(0);
        Schema withRequiredField = withField(released, "{\"name\": \"mustBeSent\", \"type\": \"string\"}");

        // the new consumer cannot read what an old producer wrote: the field has no value there
        assertThatThrownBy(() -> assertCompatible(withRequiredField, released)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT");
        // with a default the same change passes, as v2's receivedUpTo did
        Schema withDefault = withField(released, "{\"name\": \"mayBeSent\", \"type\": \"string\","
                + " \"default\": \"\"}");
        assertCompatible(withDefault, released);
        assertCompatible(released, withDefault);
    }

    @Test
    void aFieldWhoseTypeChangesFailsTheCheck() {
        Schema released = CATALOG.releasedVersions("com.dealbridge.contracts.avro.SharedDealSnapshot").get(0);
        Schema.Field changed = released.getFields().get(0);
        Schema otherType = Schema.create(changed.schema().getType() == Schema.Type.STRING ? Schema.Type.INT
                : Schema.Type.STRING);
        Schema retyped = Schema.createRecord(released.getName(), released.getDoc(), released.getNamespace(), false,
                released.getFields().stream().map(field -> field == changed
                        ? new Schema.Field(field.name(), otherType, field.doc())
                        : new Schema.Field(field, field.schema())).toList());

        assertThatThrownBy(() -> assertCompatible(retyped, released)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("TYPE_MISMATCH");
    }

    /** The schema with one more field (JSON), as a careless next version would have it. */
    private static Schema withField(Schema schema, String field) {
        String json = schema.toString();
        int fields = json.indexOf("\"fields\":[") + "\"fields\":[".length();
        return new Schema.Parser().parse(json.substring(0, fields) + field + "," + json.substring(fields));
    }

    private static void assertCompatible(Schema reader, Schema writer) {
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);

        assertThat(result.getType())
                .as("incompatibilities: %s", result.getResult().getIncompatibilities().stream()
                        .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                        .toList())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
}
