package com.dealbridge.partner.catalogue;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.Paging;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.partner.pages.PortalPage;
import com.dealbridge.shareddeal.api.SharedDealCommands;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.api.SharedDealView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Product interest → Edit on a shared deal: the catalogue's active products to choose from (and the deal's current
 * ones, retired or not, so keeping them needs no action), then Change product through
 * {@link SharedDealCommands#changeProductInterest}, the API's {@code PUT .../product-interest}: an unknown product
 * → 422 next to the list, a sync policy that does not let the partner change it → 409.
 */
@Controller
@Hidden // a page, not part of the API document
@PortalPage
class ProductInterestPages {

    /** The most products offered on the page; the catalogue API pages further. */
    static final int OFFERED = 500;

    /** A product to tick: the catalogue's, or one of the deal's the catalogue no longer offers. */
    record Choice(String id, String name, String detail, boolean chosen) {
    }

    private final Catalogue catalogue;
    private final SharedDealQueries queries;
    private final SharedDealCommands commands;

    ProductInterestPages(Catalogue catalogue, SharedDealQueries queries, SharedDealCommands commands) {
        this.catalogue = catalogue;
        this.queries = queries;
        this.commands = commands;
    }

    @GetMapping("/shared-deals/{id}/product-interest")
    String edit(Caller caller, @PathVariable String id, Model model) {
        SharedDealView deal = queries.view(caller, id);
        return page(deal, deal.productInterest().stream().map(SharedDealView.ProductRef::id).toList(), model);
    }

    @PostMapping("/shared-deals/{id}/product-interest")
    String change(Caller caller, @PathVariable String id,
                  @RequestParam(name = "productIds", required = false) List<String> productIds, Model model,
                  HttpServletResponse response) {
        List<String> chosen = productIds == null ? List.of() : productIds.stream().distinct().toList();
        try {
            commands.changeProductInterest(caller, id, chosen);
        } catch (UnprocessableException refused) {
            response.setStatus(refused.status());
            model.addAttribute("productsError", true);
            return page(queries.view(caller, id), chosen, model);
        }
        return "redirect:/shared-deals/" + id;
    }

    private String page(SharedDealView deal, List<String> chosenIds, Model model) {
        Set<String> chosen = Set.copyOf(chosenIds);
        List<Choice> choices = new ArrayList<>();
        for (CatalogueProduct product : catalogue.offered(Paging.of(0, OFFERED)).items()) {
            choices.add(new Choice(product.id(), product.name(), product.sku(), chosen.contains(product.id())));
        }
        Set<String> offered = choices.stream().map(Choice::id).collect(Collectors.toSet());
        deal.productInterest().stream().filter(p -> !offered.contains(p.id()))
                .forEach(p -> choices.add(new Choice(p.id(), p.name(), null, chosen.contains(p.id()))));
        model.addAttribute("deal", deal);
        model.addAttribute("choices", choices);
        return "partner/product-interest";
    }
}
