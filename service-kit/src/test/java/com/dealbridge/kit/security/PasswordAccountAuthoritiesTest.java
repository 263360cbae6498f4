package com.dealbridge.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class PasswordAccountAuthoritiesTest {

    private final Caller rep = Caller.crmUser("rep-1", "Rita", "rita@vendor.example");

    @Test
    void aSignInSessionHoldsTheAccountsOwnAuthoritiesBesidesAUsers() {
        PasswordAccounts.PasswordAccount account = new PasswordAccounts.PasswordAccount(rep, "{noop}x",
                Set.of("ROLE_WORKSPACE_ADMIN"));

        CallerAuthentication session = new CallerAuthentication(account.caller(), account.authorities());

        assertThat(session.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_USER", "ROLE_WORKSPACE_ADMIN");
    }

    @Test
    void anAccountWithoutAuthoritiesIsJustAUser() {
        PasswordAccounts.PasswordAccount account = new PasswordAccounts.PasswordAccount(rep, "{noop}x");

        assertThat(account.authorities()).isEmpty();
        assertThat(new CallerAuthentication(rep, List.of()).getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_USER");
    }

    @Test
    void aPasswordNeverGrantsTheAdminTokensRole() {
        assertThatThrownBy(() -> new PasswordAccounts.PasswordAccount(rep, "{noop}x", Set.of("ROLE_ADMIN")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
