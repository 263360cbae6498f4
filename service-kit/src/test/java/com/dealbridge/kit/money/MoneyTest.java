package com.dealbridge.kit.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void formatsWithExactlyTwoFractionDigits() {
        assertThat(Money.format(new BigDecimal("12000"))).isEqualTo("12000.00");
        assertThat(Money.format(new BigDecimal("100.5"))).isEqualTo("100.50");
        assertThat(Money.format(new BigDecimal("0"))).isEqualTo("0.00");
        assertThat(Money.format(new BigDecimal("1.500"))).isEqualTo("1.50");
    }

    @Test
    void formatsWithoutExponent() {
        assertThat(Money.format(new BigDecimal("1E+3"))).isEqualTo("1000.00");
    }

    @Test
    void refusesToRoundAwayAThirdFractionDigit() {
        assertThatThrownBy(() -> Money.format(new BigDecimal("10.005"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void acceptsAtMostTwoSignificantFractionDigits() {
        assertThat(Money.hasValidScale(new BigDecimal("10"))).isTrue();
        assertThat(Money.hasValidScale(new BigDecimal("10.25"))).isTrue();
        assertThat(Money.hasValidScale(new BigDecimal("10.2500"))).isTrue();
        assertThat(Money.hasValidScale(new BigDecimal("1E+3"))).isTrue();
        assertThat(Money.hasValidScale(new BigDecimal("10.005"))).isFalse();
        assertThat(Money.hasValidScale(new BigDecimal("0.001"))).isFalse();
    }

    @Test
    void knowsUpperCaseIso4217CodesOnly() {
        assertThat(Money.isCurrency("USD")).isTrue();
        assertThat(Money.isCurrency("EUR")).isTrue();
        assertThat(Money.isCurrency(Money.DEFAULT_CURRENCY)).isTrue();
        assertThat(Money.isCurrency("usd")).isFalse();
        assertThat(Money.isCurrency("ZZZ")).isFalse();
        assertThat(Money.isCurrency("EURO")).isFalse();
        assertThat(Money.isCurrency("")).isFalse();
        assertThat(Money.isCurrency(null)).isFalse();
    }
}
