package com.dealbridge.partner.catalogue;

import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    /** The active products by name; {@code page} (from 0) of {@code size} (default 100, at most 500). */
    @GetMapping("/api/products")
    ListResponse<ProductView> products(@RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return catalogue.offered(Paging.of(page, size)).map(ProductView::of);
    }
}
