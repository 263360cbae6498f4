package com.dealbridge.crm.quote;

import java.util.List;

/** A quote from catalogue products; the amount is computed from their unit prices. */
record NewQuoteRequest(String title, List<LineItem> lineItems) {

    record LineItem(String productId, Integer quantity) {
    }
}
