package com.dealbridge.crm.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money rules of the API: decimal strings with two fraction digits, ISO 4217 currencies, USD by default. */
final class Money {

    static final String DEFAULT_CURRENCY = "USD";
    static final int SCALE = 2;

    private Money() {
    }

    /** {@code 12000} → {@code "12000.00"}; callers have checked that no more than two fraction digits are used. */
    static String format(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY).toPlainString();
    }

    static boolean hasValidScale(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= SCALE;
    }

    static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
