package com.dealbridge.crm.product;

import com.dealbridge.crm.workspace.FormErrors;
import com.dealbridge.crm.workspace.WorkspaceAdminPage;
import com.dealbridge.crm.workspace.WorkspacePage;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.ConflictException;
import com.dealbridge.kit.web.ListResponse;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.kit.web.UnprocessableException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * *Products* for the workspace's admins ({@code /settings/products}): the catalogue and a form that adds a product
 * through {@link Products#create}, the service behind {@code POST /admin/products}, checked by the API request's
 * own constraints first. Invalid values are shown next to their fields with what was typed (422), a SKU in use
 * next to the SKU (409).
 */
@Controller
@Hidden // a page, not part of the API document
@WorkspacePage
@WorkspaceAdminPage
class ProductPages {

    static final String PATH = "/settings/products";
    static final int PAGE_SIZE = 50;

    private final Products products;
    private final Validator validator;

    ProductPages(Products products, Validator validator) {
        this.products = products;
        this.validator = validator;
    }

    @GetMapping(PATH)
    String list(Caller caller, @RequestParam(required = false) Integer page, Model model) {
        return page(caller, page, Map.of("name", "", "sku", "", "unitPrice", ""), Map.of(), model);
    }

    @PostMapping(PATH)
    String create(Caller caller, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String sku, @RequestParam(defaultValue = "") String unitPrice,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> form = Map.of("name", name, "sku", sku, "unitPrice", unitPrice);
        Map<String, String> errors = new HashMap<>();
        BigDecimal price = null;
        if (!unitPrice.isBlank()) {
            try {
                price = new BigDecimal(unitPrice.strip());
            } catch (NumberFormatException notANumber) {
                errors.put("unitPrice", "must be a number such as 499.00");
            }
        }
        ProductController.NewProductRequest request = new ProductController.NewProductRequest(name, sku, price, null);
        FormErrors.of(validator.validate(request)).forEach(errors::putIfAbsent);
        try {
            if (errors.isEmpty()) {
                Product created = products.create(request.name(), request.sku(), request.unitPrice(), null);
                redirect.addFlashAttribute("created", created);
                return "redirect:" + PATH;
            }
            response.setStatus(422);
        } catch (UnprocessableException refused) {
            errors.putAll(FormErrors.of(refused));
            response.setStatus(refused.status());
        } catch (ConflictException taken) {
            errors.put("sku", "taken");
            response.setStatus(taken.status());
        }
        return page(caller, 0, form, errors, model);
    }

    private String page(Caller caller, Integer page, Map<String, String> form, Map<String, String> errors,
                        Model model) {
        Paging paging = Paging.of(page == null ? 0 : Math.max(page, 0), PAGE_SIZE);
        ListResponse<Product> offered = products.offered(paging);
        model.addAttribute("me", caller);
        model.addAttribute("rows", offered.items());
        model.addAttribute("page", paging.page());
        model.addAttribute("total", offered.total());
        model.addAttribute("hasNext", (long) paging.offset() + offered.items().size() < offered.total());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "crm/products";
    }
}
