package org.hall24.platform;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document of the public API, served at {@code /api/v1/openapi} with Swagger UI at
 * {@code /api/v1/docs} (paths in {@code application.properties}). Every operation documents the
 * problem details {@link ApiProblems} answers: 400 for a refused parameter, and 404 where the
 * path names something by its code.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocs {

    /** The API's version, as in its paths ({@code /api/v1}). */
    static final String API_VERSION = "v1";

    static {
        // A JSON tree (an item's form is a JSON Schema) is any JSON value, not a bean with getters.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class,
                new ObjectSchema().description("A JSON document, as stored."));
    }

    @Bean
    OpenAPI hall24OpenApi() {
        return new OpenAPI().info(new Info()
                .title("Hall24 API")
                .version(API_VERSION)
                .description("""
                        Read-only public API of a Hall24 24-hour government self-service hall: the service \
                        catalog (事项) with search and filters, the halls with their floor plans, and the \
                        devices with their live status; and, under `/api/v1/admin`, the device registry for \
                        provisioning tools (HTTP Basic, staff with the ADMIN role). Texts come in Simplified \
                        Chinese (`zh`) and English \
                        (`en`). Every error is an RFC 9457 problem (`application/problem+json`); a refused \
                        request lists each offending parameter in `errors`, as `{parameter, reason}`, and \
                        any query parameter an operation does not take is refused.""")
                .license(new License()
                        .name("Apache-2.0")
                        .url("https://www.apache.org/licenses/LICENSE-2.0")));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            ModelConverters.getInstance(true).readAll(Problem.class).forEach(openApi.getComponents()::addSchemas);
            Content problem = new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    new io.swagger.v3.oas.models.media.MediaType()
                            .schema(new io.swagger.v3.oas.models.media.Schema<>().$ref("Problem")));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                operation.getResponses().computeIfAbsent("400", status -> new ApiResponse()
                        .description("A parameter is invalid or not taken here; `errors` names each one.")
                        .content(problem));
                if (path.contains("{")) {
                    operation.getResponses().computeIfAbsent("404", status -> new ApiResponse()
                            .description("Nothing has the code given in the path.")
                            .content(problem));
                }
            }));
        };
    }

    /** What {@link ApiProblems} answers, for the document only. */
    @Schema(name = "Problem", description = "An RFC 9457 problem detail.")
    record Problem(
            @Schema(description = "Identifies the kind of problem.", format = "uri") String type,
            @Schema(description = "A short summary of the kind of problem.") String title,
            @Schema(description = "The HTTP status code.") int status,
            @Schema(description = "What went wrong with this request; names the offending parameters.") String detail,
            @Schema(description = "The path of the request.", format = "uri-reference") String instance,
            @Schema(description = "For a 400, each offending parameter.", requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            List<InvalidParameterEntry> errors) {
    }

    @Schema(name = "InvalidParameter", description = "A parameter that was refused, and why.")
    record InvalidParameterEntry(
            @Schema(description = "The parameter as the client sent it, e.g. `page`.") String parameter,
            @Schema(description = "Why it was refused, in English.") String reason) {
    }
}
