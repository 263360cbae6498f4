package com.dealbridge.shareddeal.domain;

/**
 * What the shared deal card shows on top once the registration is no longer active.
 *
 * @param type CLOSED_WON, CLOSED_LOST or WITHDRAWN (the deal's status)
 */
public record Banner(DealStatus type, String message) {

    /** The banner for a deal, or null while it is active. */
    public static Banner of(DealFacts deal) {
        return switch (deal.status()) {
            case ACTIVE -> null;
            case CLOSED_WON -> new Banner(DealStatus.CLOSED_WON, deal.purchasedQuote()
                    .map(quote -> "The customer has purchased \"" + quote.title() + "\" (" + quote.amount()
                            .toPlainString() + " " + quote.currency() + "). This deal is closed won.")
                    .orElse("The customer has purchased. This deal is closed won."));
            case CLOSED_LOST -> new Banner(DealStatus.CLOSED_LOST,
                    "This deal is closed lost: the customer did not buy.");
            case WITHDRAWN -> new Banner(DealStatus.WITHDRAWN, "The partner withdrew this deal registration"
                    + (deal.withdrawalReason() == null ? "." : ": " + deal.withdrawalReason()));
        };
    }
}
