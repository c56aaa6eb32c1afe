package org.newsroom.platform.openapi;

import java.util.List;
import java.util.Set;

import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.AccessRules;
import org.newsroom.platform.security.SecurityConfiguration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}) for the routes of both
 * sides. Every operation gets the problem answers it can give, its security requirement from {@link AccessRules},
 * and the {@code X-Correlation-Id} and (for writes) {@code Idempotency-Key} headers.
 */
@AutoConfiguration(after = SecurityConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
public class OpenApiDocumentation {

    static final String PROBLEM = "Problem";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Bean
    OpenAPI newsroomOpenApi(@Value("${spring.application.name:newsroom}") String name) {
        return new OpenAPI()
                .info(new Info()
                        .title("Newsroom API (" + name + ")")
                        .version("1")
                        .description("Event-sourced article workflow. Errors are RFC 7807 problem+json with a stable"
                                + " code; see https://newsroom.example/problems/<code>."))
                .components(new Components()
                        .addSecuritySchemes(
                                "basicAuth",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic"))
                        .addSecuritySchemes(
                                "bearerAuth",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema errors = new ArraySchema()
                .items(new ObjectSchema()
                        .addProperty("field", new StringSchema().example("bylines[0].name"))
                        .addProperty("code", new StringSchema().example("invalid-byline"))
                        .addProperty("message", new StringSchema()));
        return new ObjectSchema()
                .addProperty("type", new StringSchema().example("https://newsroom.example/problems/nothing-to-publish"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().example("nothing-to-publish"))
                .addProperty("correlationId", new StringSchema())
                .addProperty("currentVersion", new IntegerSchema().description("with 412 version-mismatch"))
                .addProperty("errors", errors.description("with 400 validation-failed, unknown-property"));
    }

    @Bean
    OpenApiCustomizer newsroomProblemResponses(AccessRules rules) {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) -> describe(rules, path, method, operation)));
        };
    }

    private static void describe(AccessRules rules, String path, PathItem.HttpMethod method, Operation operation) {
        AccessRule rule = rules.ruleFor(HttpMethod.valueOf(method.name()), path.replaceAll("\\{[^}]+}", "x"));
        boolean write = WRITES.contains(method);
        boolean pathVariables = path.contains("{");
        header(
                operation,
                "X-Correlation-Id",
                "Correlates the request with its events and log lines; echoed back."
                        + " At most 100 characters of [A-Za-z0-9._-], else a new one is used.");
        if (write) {
            header(
                    operation,
                    "Idempotency-Key",
                    "A retry with the same key and body gets the first answer again"
                            + " (within 24 h) and records nothing; the same key with another body is a 422.");
        }
        if (rule.access() != AccessRule.Access.PUBLIC) {
            operation.setSecurity(List.of(
                    new SecurityRequirement().addList("basicAuth"), new SecurityRequirement().addList("bearerAuth")));
            problem(operation, 401, "unauthenticated: no or wrong credentials");
            problem(
                    operation,
                    403,
                    "forbidden: "
                            + (rule.access() == AccessRule.Access.ROLES
                                    ? "only for "
                                            + rule.roles().stream()
                                                    .map(role -> role.id())
                                                    .sorted()
                                                    .toList()
                                    : "authenticated users only"));
        }
        if (write
                || pathVariables
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty())) {
            problem(operation, 400, "malformed-request, unknown-property, validation-failed (field-level errors)");
        }
        if (pathVariables) {
            problem(operation, 404, "not-found, or a code naming what is unknown, e.g. article-not-found");
        }
        if (write) {
            problem(
                    operation,
                    409,
                    "a rule of the workflow (the code names it, e.g. nothing-to-publish),"
                            + " concurrent-change or idempotency-key-in-progress");
            problem(operation, 412, "version-mismatch: If-Match is stale; currentVersion says the current one");
            problem(operation, 413, "payload-too-large");
            problem(operation, 415, "unsupported-media-type");
            problem(operation, 422, "idempotency-key-reused");
        }
        problem(operation, 500, "internal-error: quote the correlation id");
        problem(
                operation,
                503,
                "service-unavailable: the database cannot be reached, nothing was recorded;"
                        + " outcome-unknown (writes): it stopped answering while the write was being stored; see Retry-After");
    }

    private static void header(Operation operation, String name, String description) {
        boolean present = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> name.equalsIgnoreCase(parameter.getName()));
        if (!present) {
            Parameter parameter = new HeaderParameter()
                    .name(name)
                    .required(false)
                    .description(description)
                    .schema(new StringSchema());
            operation.addParametersItem(parameter);
        }
    }

    private static void problem(Operation operation, int status, String description) {
        if (operation.getResponses() == null || operation.getResponses().containsKey(String.valueOf(status))) {
            return;
        }
        operation
                .getResponses()
                .addApiResponse(
                        String.valueOf(status),
                        new ApiResponse()
                                .description(description)
                                .content(new Content()
                                        .addMediaType(
                                                "application/problem+json",
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/" + PROBLEM)))));
    }
}
