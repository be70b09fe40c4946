package org.storygraph.web;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the filters of this package do, in the OpenAPI description (the controllers do not know them): write
 * operations need an API key ({@code bearer} or {@code apiKey} scheme; 401/403 problems), and every saved-query
 * run may answer {@code 429} with {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
class AccessOpenApi {

    static final String BEARER = "bearer";
    static final String API_KEY = "apiKey";
    static final String PROBLEM = "ProblemDetail";

    @Bean
    OpenApiCustomizer accessOpenApiCustomizer() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .description("One of the API keys (storygraph.web.api-key, storygraph.web.api-keys)"))
                    .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.HEADER).name(ApiKeyFilter.HEADER)
                            .description("The same keys in the X-API-Key header"));
            if (openApi.getComponents().getSchemas() == null
                    || !openApi.getComponents().getSchemas().containsKey(PROBLEM)) {
                openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            }
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                boolean run = path.matches("/api/queries/\\{[^/]+}/run");
                item.readOperationsMap().forEach((method, operation) -> {
                    if (run) {
                        operation.getResponses().addApiResponse("429", tooManyRuns());
                    } else if (path.startsWith("/api/") && isWrite(method)) {
                        operation.addSecurityItem(new SecurityRequirement().addList(BEARER))
                                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
                        operation.getResponses().addApiResponse("401", problem(
                                        "No or a wrong API key (WWW-Authenticate: Bearer)"))
                                .addApiResponse("403", problem("Writes are disabled: no API key is configured"));
                    }
                });
            });
        };
    }

    private static boolean isWrite(PathItem.HttpMethod method) {
        return method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
    }

    private static ApiResponse tooManyRuns() {
        return problem("Too many runs from this client address at once or in the last minute "
                + "(storygraph.web.query-limits)")
                .headers(Map.of("Retry-After", new Header().description("Seconds to wait before trying again")
                        .schema(new IntegerSchema())));
    }

    /** RFC 9457 problem details, as {@link ProblemDetailsAdvice} and the filters write them. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details (application/problem+json)")
                .addProperty("type", new StringSchema().description("problem type URI (default about:blank)"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().description("the request path"))
                .addProperty("parameter", new StringSchema().description("the request parameter at fault, if one"));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
