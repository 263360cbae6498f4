package com.dealbridge.crm.quote;

import com.dealbridge.crm.deal.CrmDealPage;
import com.dealbridge.crm.workspace.WorkspacePage;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.ProblemException;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deal page's quote forms: a new quote from catalogue line items ({@code title},
 * {@code lineItems[i].productId}, {@code lineItems[i].quantity}, the API's names) and a quote's purchase, through
 * {@link Quotes}, the service behind {@code POST /api/shared-deals/{id}/quotes} and {@code /api/quotes/{id}/purchase}.
 */
@Controller
@Hidden // a page, not part of the API document
@WorkspacePage
class QuotePages {

    /** Line-item rows the form offers; rows left blank are not sent. */
    static final int FORM_ROWS = 3;

    private final CrmDealPage page;
    private final Quotes quotes;
    private final SharedDealQueries queries;

    QuotePages(CrmDealPage page, Quotes quotes, SharedDealQueries queries) {
        this.page = page;
        this.quotes = quotes;
        this.queries = queries;
    }

    @PostMapping("/deals/{id}/quotes")
    String create(Caller caller, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
                  HttpServletResponse response) {
        String sharedDealId = page.sharedDealId(id);
        List<NewQuoteRequest.LineItem> items = new ArrayList<>();
        for (int row = 0; row < FORM_ROWS; row++) {
            String productId = form.getOrDefault("lineItems[" + row + "].productId", "").strip();
            String quantity = form.getOrDefault("lineItems[" + row + "].quantity", "").strip();
            if (!productId.isEmpty() || !quantity.isEmpty()) {
                items.add(new NewQuoteRequest.LineItem(productId, parseQuantity(quantity)));
            }
        }
        try {
            // the service numbers errors by the items sent: rows are sent without gaps, so row i is lineItems[i]
            // once the blank rows above it are filled in, which is the order people fill a form in
            quotes.create(caller, sharedDealId, new NewQuoteRequest(form.get("title"), items));
        } catch (ProblemException refused) {
            return page.refused(caller, id, "quote", refused, form, response, model);
        }
        return "redirect:/deals/" + id;
    }

    @PostMapping("/deals/{id}/quotes/{quoteId}/purchase")
    String purchase(Caller caller, @PathVariable String id, @PathVariable String quoteId, Model model,
                    HttpServletResponse response) {
        String sharedDealId = page.sharedDealId(id);
        boolean onThisDeal = queries.view(caller, sharedDealId).quotes().stream()
                .anyMatch(quote -> quote.id().equals(quoteId));
        if (!onThisDeal) {
            throw new NotFoundException("No quote " + quoteId + " on deal " + id);
        }
        try {
            quotes.purchase(caller, quoteId);
        } catch (ProblemException refused) {
            return page.refused(caller, id, "quote", refused, Map.of(), response, model);
        }
        return "redirect:/deals/" + id;
    }

    /** Not a whole number: null, which the service refuses as a quantity out of range, next to the field. */
    private static Integer parseQuantity(String quantity) {
        try {
            return quantity.isEmpty() ? null : Integer.valueOf(quantity);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
