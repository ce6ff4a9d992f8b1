package eu.iucplanner.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Documents each endpoint's {@link ProblemResponses}, and the 401 and 403 of the security filters, as problem-detail
 * responses in the OpenAPI document.
 */
@Component
public class OpenApiProblems implements OperationCustomizer, OpenApiCustomizer {

    /** The problem-detail schema every error response refers to. */
    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.setProperties(Map.of("field", new StringSchema().example("applicants[3].country"),
                "message", new StringSchema().example("unknown country code; use ISO 3166-1 alpha-2 in capitals")));
        ObjectSchema problem = new ObjectSchema();
        problem.setDescription("RFC 9457 problem detail; errors lists the offending fields (at most 100, errorCount "
                + "tells how many there were).");
        problem.setProperties(Map.of("type", new StringSchema().example("urn:iuc-planner:problem:validation"),
                "title", new StringSchema().example("Invalid request"), "status", new IntegerSchema().example(400),
                "detail", new StringSchema().example("2 fields of the request are invalid."),
                "instance", new StringSchema(), "errors", new ArraySchema().items(fieldError),
                "errorCount", new IntegerSchema().example(2)));
        openApi.getComponents().addSchemas("ProblemDetail", problem);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        ProblemResponses problems = handlerMethod.getMethodAnnotation(ProblemResponses.class);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        java.util.SortedSet<Integer> codes = new java.util.TreeSet<>();
        for (int code : problems == null ? new int[0] : problems.value()) {
            codes.add(code);
        }
        codes.add(401);
        boolean read = handlerMethod.hasMethodAnnotation(org.springframework.web.bind.annotation.GetMapping.class);
        if (!(problems != null && problems.anyLoggedInUser() && read)) {
            codes.add(403);
        }
        for (int code : codes) {
            HttpStatus status = HttpStatus.valueOf(code);
            responses.addApiResponse(String.valueOf(code), new ApiResponse()
                    .description(status.getReasonPhrase() + " (RFC 9457 problem detail)")
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")))));
        }
        operation.setResponses(responses);
        return operation;
    }
}
