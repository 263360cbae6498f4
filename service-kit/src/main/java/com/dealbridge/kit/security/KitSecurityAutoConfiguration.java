package com.dealbridge.kit.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Bearer-token authentication for servlet web applications: the token filter, the {@link Caller} controller
 * parameter and, with springdoc present, the bearer scheme in the OpenAPI document.
 * Services contribute a {@link CallerResolver} bean and {@code dealbridge.security.admin-token}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class KitSecurityAutoConfiguration {

    /** Same slot Spring Security would take: after request wrappers and observation, before everything else. */
    public static final int FILTER_ORDER = -100;

    @Bean
    CallerCache callerCache(SecurityProperties properties) {
        return new CallerCache(properties);
    }

    @Bean
    UserTokens userTokens(ObjectProvider<MongoOperations> mongo, SecurityProperties properties,
                          CallerCache callerCache) {
        return new UserTokens(mongo::getObject, properties, callerCache, Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(SecurityProperties properties,
            ObjectProvider<CallerResolver> callerResolver, CallerCache callerCache) {
        FilterRegistrationBean<BearerTokenFilter> registration =
                new FilterRegistrationBean<>(new BearerTokenFilter(properties, callerResolver, callerCache));
        registration.setName("bearerTokenFilter");
        registration.setOrder(FILTER_ORDER);
        return registration;
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
