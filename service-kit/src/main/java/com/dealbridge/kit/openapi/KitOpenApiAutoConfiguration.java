package com.dealbridge.kit.openapi;

import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI document as a client needs it: the service's title, version (set, or the build's) and description
 * ({@link ApiDocProperties}), the problem answers of every operation ({@link ProblemResponses}) and groups named
 * for people ({@link TagNames}).
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@EnableConfigurationProperties(ApiDocProperties.class)
public class KitOpenApiAutoConfiguration {

    @Bean
    OpenApiCustomizer kitApiInfo(ApiDocProperties properties, ObjectProvider<BuildProperties> build) {
        String version = properties.version() != null ? properties.version()
                : build.getIfAvailable() != null ? build.getIfAvailable().getVersion() : "unversioned";
        return openApi -> openApi.info(new Info().title(properties.title()).version(version)
                .description(properties.description()));
    }

    @Bean
    OpenApiCustomizer kitProblemResponses() {
        return new ProblemResponses();
    }

    @Bean
    OpenApiCustomizer kitTagNames() {
        return new TagNames();
    }
}
