package com.dealbridge.crm.quote;

import com.dealbridge.kit.security.Caller;
import com.dealbridge.shareddeal.api.SharedDealView;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Reps quote catalogue products on a shared deal; the customer's purchase closes the deal won. */
@RestController
class QuoteController {

    private final Quotes quotes;

    QuoteController(Quotes quotes) {
        this.quotes = quotes;
    }

    /**
     * A rep publishes a quote on a shared deal from catalogue line items: 201 with the quote, synced to the
     * partner.
     */
    @ResponseStatus(HttpStatus.CREATED) // what the OpenAPI document reads; the entity's 201 is what is answered
    @PostMapping("/api/shared-deals/{id}/quotes")
    ResponseEntity<SharedDealView.QuoteView> create(Caller caller, @PathVariable String id,
            @RequestBody NewQuoteRequest request) {
        SharedDealView.QuoteView quote = quotes.create(caller, id, request);
        return ResponseEntity.created(URI.create("/api/quotes/" + quote.id())).body(quote);
    }

    /**
     * The customer purchased the quote: the deal closes won on both sides (the partner sees the banner); purchasing
     * again changes nothing.
     */
    @PostMapping("/api/quotes/{quoteId}/purchase")
    SharedDealView.QuoteView purchase(Caller caller, @PathVariable String quoteId) {
        return quotes.purchase(caller, quoteId);
    }
}
