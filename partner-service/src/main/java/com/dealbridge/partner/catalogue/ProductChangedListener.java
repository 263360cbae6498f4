package com.dealbridge.partner.catalogue;

import com.dealbridge.contracts.Topics;
import com.dealbridge.contracts.avro.ProductChanged;
import java.math.BigDecimal;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The edge between the products topic and the catalogue: maps {@link ProductChanged} to a {@link CatalogueProduct}.
 * A record that cannot be mapped (wrong type, unreadable price) throws {@link IllegalArgumentException}, which the
 * engine's error handler sends straight to the dead-letter topic.
 */
@Component
class ProductChangedListener {

    private static final Logger log = LoggerFactory.getLogger(ProductChangedListener.class);

    private final Catalogue catalogue;

    ProductChangedListener(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @KafkaListener(topics = Topics.CRM_PRODUCTS, groupId = "partner-service.catalogue",
            containerFactory = "stateListenerContainerFactory")
    void on(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() == null) {
            // A tombstone: the CRM retires products with active=false, so there is nothing to remove.
            log.debug("ignored tombstone for product {}", record.key());
            return;
        }
        if (!(record.value() instanceof ProductChanged changed)) {
            throw new IllegalArgumentException("expected ProductChanged on " + record.topic() + ", got "
                    + record.value().getSchema().getFullName());
        }
        catalogue.apply(toProduct(changed));
    }

    static CatalogueProduct toProduct(ProductChanged changed) {
        BigDecimal unitPrice;
        try {
            unitPrice = new BigDecimal(changed.getUnitPrice());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("product " + changed.getProductId() + " has an unreadable unitPrice '"
                    + changed.getUnitPrice() + "'", e);
        }
        return new CatalogueProduct(changed.getProductId(), changed.getName(), changed.getSku(), unitPrice,
                changed.getCurrency(), changed.getActive(), changed.getRevision(), changed.getChangedAt());
    }
}
