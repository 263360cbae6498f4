package com.dealbridge.kit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents the error answers every operation can give, as the service kit gives them: an RFC 9457
 * {@code application/problem+json} body ({@code Problem}, with {@code errors} listing each invalid field on a 422).
 * Which ones an operation can give follows from its shape — every API operation needs a token (401, 403), a path
 * with an id can name something that does not exist or is not the caller's (404), a body can be malformed, of
 * another media type or invalid (400, 415, 422), an upload can be too large (413), a write can conflict with the
 * current state (409) — and the API fuzz tests hold the document to every status the services really answered.
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    private static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put("400", "Malformed request: a body that is not JSON or has values of the wrong type, or a bad"
                + " parameter");
        DESCRIPTIONS.put("401", "No bearer token, or one that is unknown, expired or revoked");
        DESCRIPTIONS.put("403", "The token's role or partner may not do this");
        DESCRIPTIONS.put("404", "Nothing with this id that the caller may see");
        DESCRIPTIONS.put("406", "The Accept header admits none of the media types the answer can have");
        DESCRIPTIONS.put("409", "Conflicts with the current state (a duplicate, a capacity limit, something deleted or"
                + " changed meanwhile)");
        DESCRIPTIONS.put("413", "The upload is larger than the service accepts");
        DESCRIPTIONS.put("415", "The request body's Content-Type is not one this operation reads");
        DESCRIPTIONS.put("422", "Invalid values; `errors` names each field and what is wrong with it");
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(FIELD_ERROR, fieldError()).addSchemas(PROBLEM, problem());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean body = operation.getRequestBody() != null;
        boolean multipart = body && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().keySet().stream().anyMatch(t -> t.startsWith("multipart/"));
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        for (String status : statuses(path, write, body, multipart, parameters)) {
            responses.computeIfAbsent(status, code -> new ApiResponse().description(DESCRIPTIONS.get(code))
                    .content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    static List<String> statuses(String path, boolean write, boolean body, boolean multipart, boolean parameters) {
        return DESCRIPTIONS.keySet().stream().filter(status -> switch (status) {
            case "400", "422" -> body || parameters;
            case "401", "403", "406" -> true;
            case "404" -> path.contains("{");
            case "409" -> write;
            case "413" -> multipart;
            case "415" -> body;
            default -> false;
        }).toList();
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema().description("One invalid field of a request")
                .addProperty("field", new StringSchema().description("the field as the request named it, e.g."
                        + " `introNote` or `lineItems[0].quantity`").example("introNote"))
                .addProperty("message", new StringSchema().description("what is wrong with it")
                        .example("must not be blank"))
                .required(List.of("field", "message"));
    }

    private static Schema<?> problem() {
        return new ObjectSchema().description("An RFC 9457 problem: why a request was refused")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().example("Unprocessable Content"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().example("The registration is invalid; see 'errors'"))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/shared-deals"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/"
                        + FIELD_ERROR)).description("on a 422: each invalid field"))
                .required(List.of("title", "status"));
    }
}
