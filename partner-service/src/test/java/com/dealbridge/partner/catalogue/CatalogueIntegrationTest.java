package com.dealbridge.partner.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.avro.ProductChanged;
import com.dealbridge.contracts.serde.AvroSerializer;
import com.dealbridge.kit.test.ApiClient;
import com.dealbridge.kit.test.ApiResponse;
import com.dealbridge.kit.test.PagingAssertions;
import com.dealbridge.partner.PartnerServiceIntegrationTest;
import com.dealbridge.partner.TestPartners;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;


@PartnerServiceIntegrationTest
class CatalogueIntegrationTest {

    @LocalServerPort
    int port;

    /** This context's broker: the system property names the JVM's newest, maybe a closed @DirtiesContext one. */
    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Autowired
    Catalogue catalogue;

    ApiClient api;
    String token;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
        token = TestPartners.create(api, "Catalogue Partner").token();
    }

    @Test
    void productsPublishedByTheCrmAreOfferedAndOlderRevisionsNeverWin() throws Exception {
        String starter = UUID.randomUUID().toString();
        String growth = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        try (KafkaProducer<String, SpecificRecord> producer = producer()) {
            send(producer, product(starter, "Starter plan", "49.00", true, 1));
            send(producer, product(growth, "Growth plan", "199.00", true, 1));

            await().atMost(Duration.ofSeconds(20)).until(() -> offered().containsKey(growth));
            JsonNode offeredStarter = offered().get(starter);
            assertThat(offeredStarter.get("name").asString()).isEqualTo("Starter plan");
            assertThat(offeredStarter.get("sku").asString()).isEqualTo("SKU-" + starter);
            assertThat(offeredStarter.get("unitPrice").asString()).isEqualTo("49.00");
            assertThat(offeredStarter.get("currency").asString()).isEqualTo("USD");

            send(producer, product(starter, "Starter plan v3", "59.00", true, 3));
            send(producer, product(starter, "Starter plan v2 (stale)", "39.00", true, 2));
            send(producer, product(growth, "Growth plan", "199.00", false, 2));
            // One partition, one consumer: once the marker is stored, everything sent before it was handled.
            send(producer, product(marker, "Marker", "0.00", true, 1));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> offered().containsKey(marker));

        Map<String, JsonNode> offered = offered();
        assertThat(offered.get(starter).get("name").asString()).isEqualTo("Starter plan v3");
        assertThat(offered.get(starter).get("unitPrice").asString()).isEqualTo("59.00");
        assertThat(offered).as("a retired product is no longer offered").doesNotContainKey(growth);
        assertThat(catalogue.namesOf(List.of(starter, growth)))
                .containsEntry(starter, "Starter plan v3").containsEntry(growth, "Growth plan");
        assertThat(catalogue.unknown(List.of(starter, growth, "never-published"))).containsExactly("never-published");
    }

    @Test
    void catalogueIsPagedByNameWithItsTotal() throws Exception {
        // '!' sorts before the letters and digits other tests' products start with, so these three come first.
        String tag = "!" + UUID.randomUUID();
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        try (KafkaProducer<String, SpecificRecord> producer = producer()) {
            send(producer, product(ids.get(2), tag + " C", "3.00", true, 1));
            send(producer, product(ids.get(0), tag + " A", "1.00", true, 1));
            send(producer, product(ids.get(1), tag + " B", "2.00", true, 1));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> offered().keySet().containsAll(ids));

        ApiResponse first = api.get("/api/products?size=2&page=0", token);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(PagingAssertions.ids(first)).containsExactly(ids.get(0), ids.get(1));
        long total = first.node("/total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(first.node("/page").asInt()).isZero();
        assertThat(first.node("/size").asInt()).isEqualTo(2);
        ApiResponse second = api.get("/api/products?size=2&page=1", token);
        assertThat(PagingAssertions.ids(second).get(0)).isEqualTo(ids.get(2));
        assertThat(second.size("/items")).isEqualTo((int) Math.min(2, total - 2));
        assertThat(second.node("/total").asLong()).isEqualTo(total);

        PagingAssertions.refusesBadPaging(api, "/api/products", token);
    }

    private Map<String, JsonNode> offered() {
        ApiResponse products = api.get("/api/products?size=500", token);
        assertThat(products.status()).as(products.toString()).isEqualTo(200);
        assertThat(products.node("/total").asInt()).isEqualTo(products.size("/items"));
        Map<String, JsonNode> byId = new HashMap<>();
        products.node("/items").forEach(item -> byId.put(item.get("id").asString(), item));
        return byId;
    }

    private static ProductChanged product(String id, String name, String unitPrice, boolean active, long revision) {
        return ProductChanged.newBuilder().setProductId(id).setName(name).setSku("SKU-" + id)
                .setUnitPrice(unitPrice).setCurrency("USD").setActive(active).setRevision(revision)
                .setChangedAt(Instant.now()).build();
    }

    private static void send(KafkaProducer<String, SpecificRecord> producer, ProductChanged product) throws Exception {
        producer.send(new ProducerRecord<>(Topics.CRM_PRODUCTS, product.getProductId(), product)).get();
    }

    private KafkaProducer<String, SpecificRecord> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new AvroSerializer());
    }
}
