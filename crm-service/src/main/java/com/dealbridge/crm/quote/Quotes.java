package com.dealbridge.crm.quote;

import com.dealbridge.crm.product.Product;
import com.dealbridge.crm.product.Products;
import com.dealbridge.kit.security.Caller;
import com.dealbridge.kit.web.FieldError;
import com.dealbridge.kit.web.NotFoundException;
import com.dealbridge.kit.web.UnprocessableException;
import com.dealbridge.shareddeal.api.SharedDealCommands;
import com.dealbridge.shareddeal.api.SharedDealQueries;
import com.dealbridge.shareddeal.api.SharedDealView;
import com.dealbridge.shareddeal.domain.Actor;
import com.dealbridge.shareddeal.domain.Limits;
import com.dealbridge.shareddeal.domain.Quote;
import com.dealbridge.shareddeal.domain.QuoteLineItem;
import com.dealbridge.shareddeal.domain.QuoteStatus;
import com.dealbridge.shareddeal.domain.SharedDealId;
import com.dealbridge.shareddeal.store.SharedDealDocument;
import com.dealbridge.shareddeal.store.SharedDeals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Quotes live in the shared deal (CRM_TO_PARTNER), so the partner sees them; each is published with its event in
 * the same write. A purchase marks the quote PURCHASED and closes the deal won on both sides.
 */
@Service
class Quotes {

    static final int MAX_LINE_ITEMS = 100;
    static final int MAX_QUANTITY = 1_000_000;

    private final SharedDeals sharedDeals;
    private final SharedDealQueries queries;
    private final SharedDealCommands commands;
    private final Products products;

    Quotes(SharedDeals sharedDeals, SharedDealQueries queries, SharedDealCommands commands, Products products) {
        this.sharedDeals = sharedDeals;
        this.queries = queries;
        this.commands = commands;
        this.products = products;
    }

    SharedDealView.QuoteView create(Caller caller, String sharedDealId, NewQuoteRequest request) {
        Actor actor = commands.actor(caller);
        Quote quote = price(request);
        SharedDealDocument visible = queries.visible(caller, sharedDealId);
        sharedDeals.change(visible.deal().id(), (document, clock) ->
                document.deal().publishQuote(quote, sharedDeals.policy(), clock, actor));
        return view(quote);
    }

    SharedDealView.QuoteView purchase(Caller caller, String quoteId) {
        Actor actor = commands.actor(caller);
        SharedDealDocument holder = sharedDeals.findByQuoteId(quoteId)
                .orElseThrow(() -> new NotFoundException("No quote " + quoteId));
        AtomicReference<Quote> purchased = new AtomicReference<>();
        // the CRM deal follows the shared deal (CLOSED_WON) through the deal package's mirror
        sharedDeals.change(new SharedDealId(holder.id()), (document, clock) ->
                purchased.set(document.deal().purchaseQuote(quoteId, sharedDeals.policy(), clock, actor)));
        return view(purchased.get());
    }

    /** Checks the line items against the catalogue and computes the amounts (unit price × quantity). */
    private Quote price(NewQuoteRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String title = request.title() == null ? "" : request.title().trim();
        if (title.isEmpty() || title.length() > 200) {
            errors.add(new FieldError("title", "must not be blank and at most 200 characters"));
        }
        List<NewQuoteRequest.LineItem> items = request.lineItems() == null ? List.of() : request.lineItems();
        if (items.isEmpty() || items.size() > MAX_LINE_ITEMS) {
            errors.add(new FieldError("lineItems", "between 1 and " + MAX_LINE_ITEMS + " line items"));
        }
        for (int i = 0; i < items.size(); i++) {
            NewQuoteRequest.LineItem item = items.get(i);
            if (item == null || item.productId() == null || item.productId().isBlank()) {
                errors.add(new FieldError("lineItems[" + i + "].productId", "must not be blank"));
            }
            if (item == null || item.quantity() == null || item.quantity() < 1 || item.quantity() > MAX_QUANTITY) {
                errors.add(new FieldError("lineItems[" + i + "].quantity", "must be between 1 and " + MAX_QUANTITY));
            }
        }
        if (!errors.isEmpty()) {
            throw new UnprocessableException("The quote is invalid; see 'errors'", errors);
        }
        Set<String> ids = items.stream().map(NewQuoteRequest.LineItem::productId).collect(Collectors.toSet());
        Map<String, Product> found = products.findAll(ids);
        Set<String> unknown = ids.stream().filter(id -> !found.containsKey(id)).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            throw UnprocessableException.of("lineItems", "unknown product(s) " + unknown);
        }
        Set<String> retired = found.values().stream().filter(p -> !p.active()).map(Product::id)
                .collect(Collectors.toSet());
        if (!retired.isEmpty()) {
            throw UnprocessableException.of("lineItems", "retired product(s) " + retired);
        }
        Set<String> currencies = found.values().stream().map(Product::currency).collect(Collectors.toSet());
        if (currencies.size() > 1) {
            throw UnprocessableException.of("lineItems", "products in one quote must share a currency, got "
                    + currencies);
        }
        List<QuoteLineItem> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
        for (NewQuoteRequest.LineItem item : items) {
            Product product = found.get(item.productId());
            BigDecimal unitPrice = product.unitPrice().setScale(2, RoundingMode.UNNECESSARY);
            BigDecimal amount = unitPrice.multiply(BigDecimal.valueOf(item.quantity()));
            lines.add(new QuoteLineItem(product.id(), product.name(), item.quantity(), unitPrice, amount));
            total = total.add(amount);
        }
        // prices and quantities are bounded, their products and sum are not: an amount the partner side would
        // refuse (and dead-letter) is refused here
        Optional<String> tooLarge = Limits.amount(total);
        if (tooLarge.isPresent()) {
            throw UnprocessableException.of("lineItems", "the quote's amount " + total.toPlainString() + " "
                    + tooLarge.get());
        }
        return new Quote(UUID.randomUUID().toString(), title, total, currencies.iterator().next(),
                QuoteStatus.PUBLISHED, lines);
    }

    private static SharedDealView.QuoteView view(Quote quote) {
        return SharedDealView.QuoteView.of(quote);
    }
}
