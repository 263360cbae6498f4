package com.dealbridge.contracts.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.contracts.avro.SharedNoteAdded;
import com.dealbridge.contracts.registry.RegistryProcess;
import com.dealbridge.contracts.serde.ContractTypes;
import com.dealbridge.contracts.serde.SchemaCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaRegistrationIntegrationTest {

    private final URI api = RegistryProcess.shared().ccompatApi();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void registersEveryContractSubjectWithItsReleasedVersionsAndTheCurrentOne() {
        Map<String, List<Integer>> ids = new SchemaRegistration(api).registerAll();

        assertThat(ids.keySet()).containsExactlyInAnyOrderElementsOf(ContractTypes.all().stream()
                .map(type -> ContractTypes.schemaOf(type).getFullName()).toList());
        ids.forEach((subject, subjectIds) -> assertThat(subjectIds)
                .as(subject).hasSize(SchemaCatalog.load().releasedVersions(subject).size() + 1));
    }

    @Test
    void theCurrentSchemaIsServedByTheIdTheRegistryGaveIt() throws Exception {
        Map<String, List<Integer>> ids = new SchemaRegistration(api).registerAll();
        List<Integer> subjectIds = ids.get(SharedNoteAdded.getClassSchema().getFullName());

        String body = get("schemas/ids/" + subjectIds.get(subjectIds.size() - 1)).body();

        String served = body.substring(body.indexOf("\"schema\":\"") + 10, body.lastIndexOf("\",\"references\""))
                .replace("\\\"", "\"").replace("\\\\", "\\");
        assertThat(new Schema.Parser().parse(served)).isEqualTo(SharedNoteAdded.getClassSchema());
    }

    @Test
    void everySubjectIsFullTransitive() throws Exception {
        new SchemaRegistration(api).registerAll();

        for (var type : ContractTypes.all()) {
            assertThat(get("config/" + ContractTypes.schemaOf(type).getFullName()).body())
                    .as(type.getSimpleName()).contains("FULL_TRANSITIVE");
        }
    }

    @Test
    void registeringTwiceGivesTheSameIds() {
        assertThat(new SchemaRegistration(api).registerAll()).isEqualTo(new SchemaRegistration(api).registerAll());
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create(api + "/" + path);
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
