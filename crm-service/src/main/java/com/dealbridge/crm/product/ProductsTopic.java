package com.dealbridge.crm.product;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.avro.ProductChanged;
import com.dealbridge.contracts.serde.AvroCodec;
import com.dealbridge.sync.state.CompactedStateSource;
import com.dealbridge.sync.state.StatePublisher;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The edge between the catalogue and the compacted products topic: maps documents to {@link ProductChanged} and
 * hands the whole catalogue to the engine for its start-up republish.
 */
@Component
class ProductsTopic implements CompactedStateSource {

    private final MongoOperations mongo;
    private final StatePublisher publisher;

    ProductsTopic(MongoOperations mongo, StatePublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
    }

    void publish(ProductDocument product) {
        publisher.publish(topic(), product.id(), AvroCodec.encode(record(product)));
    }

    @Override
    public String topic() {
        return Topics.CRM_PRODUCTS;
    }

    @Override
    public Map<String, byte[]> currentState() {
        Map<String, byte[]> state = new LinkedHashMap<>();
        mongo.findAll(ProductDocument.class).forEach(product -> state.put(product.id(),
                AvroCodec.encode(record(product))));
        return state;
    }

    static ProductChanged record(ProductDocument product) {
        return ProductChanged.newBuilder()
                .setProductId(product.id())
                .setName(product.name())
                .setSku(product.sku())
                .setUnitPrice(product.unitPrice())
                .setCurrency(product.currency())
                .setActive(product.active())
                .setRevision(product.revision())
                .setChangedAt(product.changedAt())
                .build();
    }
}
