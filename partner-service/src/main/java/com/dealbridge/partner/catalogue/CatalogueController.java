package com.dealbridge.partner.catalogue;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The products a partner can choose from (as received from the CRM). */
@RestController
class CatalogueController {

    record ProductView(String id, String name, String sku, String unitPrice, String currency) {

        static ProductView of(CatalogueProduct product) {
            return new ProductView(product.id(), product.name(), product.sku(),
                    product.unitPrice().toPlainString(), product.currency());
        }
    }

    private final Catalogue catalogue;

    CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/products")
    Map<String, Object> products() {
        List<ProductView> items = catalogue.offered().stream().map(ProductView::of).toList();
        return Map.of("items", items, "total", items.size());
    }
}
