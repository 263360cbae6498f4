package com.dealbridge.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class KitSecurityAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KitSecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class));

    @Test
    void refusesToStartWithoutAdminToken() {
        runner.run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("dealbridge.security.admin-token must be set"));
        runner.withPropertyValues("dealbridge.security.admin-token= ")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void startsWithAnAdminToken() {
        runner.withPropertyValues("dealbridge.security.admin-token=secret")
                .run(context -> assertThat(context).hasNotFailed().hasBean("apiSecurityFilterChain")
                        .doesNotHaveBean("pageSecurityFilterChain"));
    }

    @Test
    void aServiceWithPasswordAccountsAlsoGetsThePagesChain() {
        PasswordAccounts none = new PasswordAccounts() {
            @Override
            public java.util.List<PasswordAccount> findByEmail(String email) {
                return java.util.List.of();
            }

            @Override
            public boolean setPassword(String userId, String encodedPassword) {
                return false;
            }
        };
        runner.withPropertyValues("dealbridge.security.admin-token=secret")
                .withBean(PasswordAccounts.class, () -> none)
                .run(context -> assertThat(context).hasNotFailed().hasBean("apiSecurityFilterChain")
                        .hasBean("pageSecurityFilterChain").hasSingleBean(Invitations.class));
    }
}
