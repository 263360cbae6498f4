package com.dealbridge.kit.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring Security for servlet web applications.
 * <p>The API ({@link ApiPaths}): bearer tokens, stateless, no CSRF (a bearer token is not an ambient credential
 * a browser sends by itself); refusals are RFC 9457 problems. The admin token opens {@code /admin/**} and
 * actuator, user tokens everything else; without a {@link PasswordAccounts} bean this chain guards every path, so
 * a controller mapped outside {@code /api} by mistake is not public.
 * <p>With a {@link PasswordAccounts} bean, the service also has pages ({@link KitPageSecurityConfiguration}):
 * every other path is for signed-in users (form sign-in, server-side session, CSRF).
 * <p>Also the {@link Caller} controller parameter and, with springdoc present, the bearer scheme in the OpenAPI
 * document. Services contribute a {@link CallerResolver} bean and {@code dealbridge.security.admin-token}.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        // the pages' locale resolver (cookie, then Accept-Language) replaces the MVC default (Accept-Language only)
        WebMvcAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@Import(KitPageSecurityConfiguration.class)
public class KitSecurityAutoConfiguration {

    /** The API chain is consulted before the pages' chain. */
    public static final int API_CHAIN_ORDER = 1;

    @Bean
    CallerCache callerCache(SecurityProperties properties) {
        return new CallerCache(properties);
    }

    @Bean
    UserTokens userTokens(ObjectProvider<MongoOperations> mongo, SecurityProperties properties,
                          CallerCache callerCache) {
        return new UserTokens(mongo::getObject, properties, callerCache, Clock.systemUTC());
    }

    /**
     * No observations of Spring Security's own: with an {@code ObservationRegistry} present (actuator, tracing) it
     * otherwise wraps every filter of the chain, and every authorization, in an observation with its own timer and
     * events. Under load that was about a tenth of a service's CPU per request (JFR, docs/benchmark-results.md),
     * for spans and meters nothing reads: a request keeps its HTTP server observation ({@code http.server.requests}
     * and the request's span, which a change's trace continues from).
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings kitSecurityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** A bean, so Boot does not add its generated in-memory user. */
    @Bean
    BearerTokenAuthenticationProvider bearerTokenAuthenticationProvider(SecurityProperties properties,
            ObjectProvider<CallerResolver> callerResolver, CallerCache callerCache) {
        return new BearerTokenAuthenticationProvider(properties, callerResolver, callerCache);
    }

    @Bean
    @Order(API_CHAIN_ORDER)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, BearerTokenAuthenticationProvider tokens,
            ListableBeanFactory beans) throws Exception {
        AuthenticationFilter bearer = new AuthenticationFilter(new ProviderManager(tokens), healthOnlyAdmin(tokens));
        // tokens are not checked on public paths at all; on health only the admin token counts
        bearer.setRequestMatcher(new NegatedRequestMatcher(ApiPaths.PUBLIC));
        bearer.setFailureHandler(ProblemResponses.UNKNOWN_TOKEN);
        bearer.setSuccessHandler((request, response, authentication) -> {
            // continue the chain (the default would redirect like a form sign-in)
        });
        // by name, so the accounts (and their store) are not created while the servlet container starts
        boolean hasPages = beans.getBeanNamesForType(PasswordAccounts.class, true, false).length > 0;
        http.securityMatcher(hasPages ? ApiPaths.API : AnyRequestMatcher.INSTANCE)
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ApiPaths.HEALTH, ApiPaths.PUBLIC).permitAll()
                        .requestMatchers(ApiPaths.ADMIN_AREA).hasRole(CallerAuthentication.ADMIN)
                        .anyRequest().hasRole(CallerAuthentication.USER))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(ProblemResponses.MISSING_TOKEN)
                        .accessDeniedHandler(ProblemResponses.WRONG_TOKEN))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    /** On health, a user token (or an unknown one) is simply ignored: everyone sees the status. */
    private static AuthenticationConverter healthOnlyAdmin(BearerTokenAuthenticationProvider tokens) {
        return request -> {
            BearerToken token = BearerToken.from(request);
            if (token != null && ApiPaths.HEALTH.matches(request) && !tokens.isAdminToken(token.token())) {
                return null;
            }
            return token;
        };
    }

    /** Matrix parameters are allowed (Spring MVC ignores them when matching; {@link ApiPaths} too). */
    @Bean
    WebSecurityCustomizer kitHttpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowSemicolon(true);
        return web -> web.httpFirewall(firewall);
    }

    @Bean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return ProblemResponses.REJECTED;
    }

    @Bean
    WebMvcConfigurer callerArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenApiCustomizer.class)
    static class OpenApiDocumentation {

        static {
            // Otherwise springdoc would document the Caller parameter as a query parameter.
            SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        }

        @Bean
        OpenApiCustomizer bearerTokenOpenApiCustomizer() {
            return openApi -> {
                if (openApi.getComponents() == null) {
                    openApi.setComponents(new Components());
                }
                openApi.getComponents().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"));
                openApi.addSecurityItem(new SecurityRequirement().addList("bearer"));
            };
        }
    }
}
