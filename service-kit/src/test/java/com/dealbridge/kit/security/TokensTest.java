package com.dealbridge.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void newTokensArePrefixedUrlSafeAndUnique() {
        String first = Tokens.newToken();
        String second = Tokens.newToken();

        assertThat(first).startsWith("db_").hasSize(3 + 43).matches("db_[A-Za-z0-9_-]+");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void hashIsLowerCaseSha256Hex() {
        // SHA-256("abc") from FIPS 180-2.
        assertThat(Tokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
