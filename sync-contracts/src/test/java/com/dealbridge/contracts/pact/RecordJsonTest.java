package com.dealbridge.contracts.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealbridge.contracts.golden.GoldenSample;
import com.dealbridge.contracts.golden.GoldenSamples;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.apache.avro.AvroTypeException;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RecordJsonTest {

    static Stream<GoldenSample> samples() {
        return GoldenSamples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyEventSurvivesTheTripThroughContractJson(GoldenSample sample) {
        SpecificRecord record = sample.decoded();

        SpecificRecord back = RecordJson.fromJson(RecordJson.toJson(record), record.getSchema());

        assertThat(back).isEqualTo(record);
    }

    @Test
    void contractJsonNamesTheSchemasFieldsWithPlainValues() throws Exception {
        SpecificRecord product = GoldenSamples.find("ProductChanged", 1).orElseThrow().decoded();

        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(RecordJson.toJson(product));

        assertThat(json.get("productId").asText()).isEqualTo(product.get(product.getSchema().getField("productId").pos()));
        assertThat(json.get("changedAt").isIntegralNumber()).as("timestamp-millis as its long").isTrue();
    }

    @Test
    void jsonMissingAFieldWithoutDefaultIsRefused() throws Exception {
        SpecificRecord product = GoldenSamples.find("ProductChanged", 1).orElseThrow().decoded();
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(RecordJson.toJson(product));
        json.remove("sku");

        assertThatThrownBy(() -> RecordJson.fromJson(json.toString(), product.getSchema()))
                .isInstanceOf(AvroTypeException.class);
    }
}
