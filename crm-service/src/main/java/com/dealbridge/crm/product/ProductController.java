package com.dealbridge.crm.product;

import com.dealbridge.kit.money.Money;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins create products (published to the partners' catalogue); reps read the active ones. */
@RestController
class ProductController {

    /** {@code unitPrice} accepts a decimal string ({@code "499.00"}) or a JSON number. */
    record NewProductRequest(@NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+",
                    message = "may contain only letters, digits, '.', '_' and '-'") String sku,
            @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal unitPrice,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as USD") String currency) {
    }

    record ProductView(String id, String name, String sku, String unitPrice, String currency, boolean active) {

        static ProductView of(Product product) {
            return new ProductView(product.id(), product.name(), product.sku(), Money.format(product.unitPrice()),
                    product.currency(), product.active());
        }
    }

    private final Products products;

    ProductController(Products products) {
        this.products = products;
    }

    /**
     * Adds a product to the catalogue and publishes it to the partner side; a SKU that exists (case-insensitive) →
     * 409.
     */
    @PostMapping("/admin/products")
    @ResponseStatus(HttpStatus.CREATED)
    ProductView create(@Valid @RequestBody NewProductRequest request) {
        return ProductView.of(products.create(request.name(), request.sku(), request.unitPrice(), request.currency()));
    }

    /** The active products by name; {@code page} (from 0) of {@code size} (default 100, at most 500). */
    @GetMapping("/api/products")
    ListResponse<ProductView> list(@RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return products.offered(Paging.of(page, size)).map(ProductView::of);
    }
}
