package com.dealbridge.shareddeal.domain;

/** A quote id that is not a quote of this deal. */
public class UnknownQuoteException extends RuntimeException {

    public UnknownQuoteException(String sharedDealId, String quoteId) {
        super("Deal " + sharedDealId + " has no quote " + quoteId);
    }
}
