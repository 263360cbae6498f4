package com.dealbridge.kit.security;

import com.dealbridge.kit.web.PagePaths;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages of a service with {@link PasswordAccounts}: every path the API chain does not take. Form sign-in at
 * {@code /sign-in} (fields {@code email}, {@code password}), sign-out by {@code POST /sign-out}, the session in the
 * servlet container (its cookie HttpOnly and SameSite=Lax, see the kit's defaults), CSRF tokens on every form
 * (hidden input {@code _csrf}, or the {@code X-CSRF-TOKEN} header htmx sends), a content security policy that
 * allows only this origin's scripts and styles. The language follows {@code Accept-Language} until the user picks
 * one ({@code ?lang=sv}), which a cookie keeps.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(PasswordAccounts.class)
@EnableConfigurationProperties(SignInProperties.class)
class KitPageSecurityConfiguration {

    static final int PAGE_CHAIN_ORDER = KitSecurityAutoConfiguration.API_CHAIN_ORDER + 1;
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"));

    /** Delegating: bcrypt today, and old hashes keep working when the default moves on. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Invitations invitations(ObjectProvider<MongoOperations> mongo, SignInProperties properties) {
        return new Invitations(mongo::getObject, properties, Clock.systemUTC());
    }

    @Bean
    SignInPages signInPages(Invitations invitations, ObjectProvider<PasswordAccounts> accounts,
                            PasswordEncoder encoder, SignInProperties properties) {
        return new SignInPages(invitations, accounts, encoder, properties);
    }

    @Bean
    @Order(PAGE_CHAIN_ORDER)
    SecurityFilterChain pageSecurityFilterChain(HttpSecurity http, ObjectProvider<PasswordAccounts> accounts,
            PasswordEncoder encoder, ObjectProvider<MongoOperations> mongo, SignInProperties properties)
            throws Exception {
        PasswordSignIn signIn = new PasswordSignIn(accounts, encoder,
                new SignInFailures(mongo::getObject, properties, Clock.systemUTC()));
        http.authenticationManager(new ProviderManager(signIn))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/sign-in", Invitations.PATH + "*", "/webjars/**", "/assets/**",
                                "/favicon.ico", "/error").permitAll()
                        .anyRequest().hasRole(CallerAuthentication.USER))
                .formLogin(form -> form.loginPage("/sign-in").usernameParameter("email")
                        .passwordParameter("password").defaultSuccessUrl("/")
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LockedException ? "/sign-in?locked" : "/sign-in?error"))))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signedOut"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; "
                                + "form-action 'self'; frame-ancestors 'none'")));
        return http.build();
    }

    /** Errors on these paths are answered with the kit's HTML error page (the API's stay problem+json). */
    @Bean
    PagePaths pagePaths() {
        return ApiPaths::isPage;
    }

    @Bean
    PageNotFoundResolver pageNotFoundResolver() {
        return new PageNotFoundResolver();
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("dealbridge-language");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            Locale wanted = request.getLocale();
            return LANGUAGES.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst()
                    .orElse(Locale.ENGLISH);
        });
        return resolver;
    }

    @Bean
    WebMvcConfigurer languageSwitch() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
                interceptor.setParamName("lang");
                interceptor.setIgnoreInvalidLocale(true);
                registry.addInterceptor(interceptor);
            }
        };
    }
}
