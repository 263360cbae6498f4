package com.dealbridge.kit.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Names the operations' groups for people: springdoc names a group after its controller
 * ({@code shared-deal-controller}); the document says {@code Shared deal}.
 */
final class TagNames implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                if (operation.getTags() != null) {
                    operation.setTags(operation.getTags().stream().map(TagNames::readable).toList());
                }
            }));
        }
        if (openApi.getTags() != null) {
            openApi.getTags().forEach(tag -> tag.setName(readable(tag.getName())));
        }
    }

    static String readable(String tag) {
        if (!tag.endsWith("-controller")) {
            return tag;
        }
        String words = String.join(" ", List.of(tag.substring(0, tag.length() - "-controller".length()).split("-")));
        return words.isEmpty() ? tag : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
