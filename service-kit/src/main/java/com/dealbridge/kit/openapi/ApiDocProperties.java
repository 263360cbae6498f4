package com.dealbridge.kit.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the OpenAPI document ({@code /v3/api-docs}, Swagger UI) says about the service.
 *
 * @param title       the document's title, e.g. {@code dealbridge partner-service API}
 * @param version     the API's version; unset, the build's ({@code META-INF/build-info.properties})
 * @param description what the API is for, in CommonMark
 */
@ConfigurationProperties("dealbridge.api-doc")
public record ApiDocProperties(String title, String version, String description) {

    public ApiDocProperties {
        title = title == null || title.isBlank() ? "dealbridge API" : title;
        version = version == null || version.isBlank() ? null : version;
        description = description == null ? "" : description;
    }
}
