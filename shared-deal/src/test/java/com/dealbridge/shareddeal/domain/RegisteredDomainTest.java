package com.dealbridge.shareddeal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegisteredDomainTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "example.com, example.com",
            "www.Example.COM, example.com",
            "sales.example.com, example.com",
            "https://www.example.com/pricing?x=1, example.com",
            "HTTP://user@Sales.Example.com:8443/, example.com",
            "example.com., example.com",
            "shop.example.co.uk, example.co.uk",
            "shop.bücher.de, xn--bcher-kva.de",
            "www.Bücher.DE, xn--bcher-kva.de",
            "eu.acme.example, acme.example",
            "acme.example, acme.example",
    })
    void aCompanyDomainIsFoldedToItsRegistrableDomain(String input, String registered) {
        assertThat(RegisteredDomain.of(input).value()).isEqualTo(registered);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "co.uk", "com", "not a domain", "https://", "-x-.com"})
    void whatIsNoRegistrableDomainIsRefused(String input) {
        assertThatThrownBy(() -> RegisteredDomain.of(input))
                .isInstanceOf(RegisteredDomain.InvalidDomainException.class)
                .hasMessageContaining(input.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aBlankDomainIsNoDomain(String input) {
        assertThat(RegisteredDomain.ofNullable(input)).isEmpty();
        assertThat(RegisteredDomain.ofNullable(null)).isEmpty();
    }
}
