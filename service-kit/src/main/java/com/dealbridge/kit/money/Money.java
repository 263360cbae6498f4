package com.dealbridge.kit.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Money rules of the API (API.md): amounts are decimal strings with two fraction digits, currencies ISO 4217 codes,
 * USD when none is given. One copy for both services, so a deal, a product and a quote can never disagree on them.
 */
public final class Money {

    public static final String DEFAULT_CURRENCY = "USD";
    /** Fraction digits of every amount the API stores or answers. */
    public static final int SCALE = 2;

    /** The shape is checked first, so that most bad input is refused without the cost of an exception. */
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private Money() {
    }

    /**
     * {@code 12000} → {@code "12000.00"}. Callers check {@link #hasValidScale} first: a third fraction digit throws
     * rather than being rounded away, because silently changing an amount is worse than refusing it.
     *
     * @throws ArithmeticException when {@code amount} has more than {@value #SCALE} non-zero fraction digits
     */
    public static String format(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** At most {@value #SCALE} fraction digits once trailing zeros are dropped ({@code 1.500} is fine). */
    public static boolean hasValidScale(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= SCALE;
    }

    /** An ISO 4217 code the JDK knows, in upper case ({@code USD}, not {@code usd} or {@code ZZZ}). */
    public static boolean isCurrency(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
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
