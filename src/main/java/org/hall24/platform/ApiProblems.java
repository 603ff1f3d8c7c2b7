package org.hall24.platform;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.hall24.platform.InvalidParameterException.InvalidParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns API errors into RFC 9457 problem details ({@code application/problem+json}). Every 400
 * carries an {@code errors} list of {@code {parameter, reason}} naming each offending input, and
 * a {@code detail} that names them too.
 *
 * <p>Ordered before Spring Boot's generic problem-details handler, which would otherwise answer
 * type mismatches and missing parameters without the {@code errors} list. Errors this class does
 * not handle itself but Spring describes (unknown path, method not allowed, …) keep Spring's
 * status and problem details; anything else is a 500 problem whose detail reveals nothing of the
 * failure, which is logged.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final URI INVALID_PARAMETER = URI.create("https://hall24.org/problems/invalid-parameter");
    private static final URI NOT_FOUND = URI.create("https://hall24.org/problems/not-found");

    private static final URI INTERNAL = URI.create("https://hall24.org/problems/internal-error");

    /**
     * The last resort: an exception Spring already describes keeps its status and body; any other
     * is logged with its stack trace and answered 500, so an API client never gets an HTML page or
     * a stack trace.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof ErrorResponse described) {
            return ResponseEntity.status(described.getStatusCode()).body(described.getBody());
        }
        log.error("API request failed", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed. Nothing was changed by it; please try again later.");
        problem.setType(INTERNAL);
        problem.setTitle("Internal error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    @ExceptionHandler
    ProblemDetail invalidParameter(InvalidParameterException e) {
        return badRequest(e.parameters());
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String reason;
        if (type != null && type.isEnum()) {
            reason = "'" + e.getValue() + "' is not one of " + String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        }
        else {
            reason = "cannot read '" + e.getValue() + "' as " + (type == null ? "this parameter" : type.getSimpleName());
        }
        return badRequest(List.of(new InvalidParameter(e.getName(), reason)));
    }

    @ExceptionHandler
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return badRequest(List.of(new InvalidParameter(e.getParameterName(), "is required")));
    }

    /** Bound request parameters or bodies that fail validation ({@code @Valid}), one entry per field. */
    @ExceptionHandler
    ProblemDetail bindingFailed(BindException e) {
        List<InvalidParameter> parameters = e.getFieldErrors().stream()
                .map(f -> new InvalidParameter(f.getField(), reason(f)))
                .toList();
        if (parameters.isEmpty()) {
            parameters = e.getGlobalErrors().stream()
                    .map(g -> new InvalidParameter(g.getObjectName(), String.valueOf(g.getDefaultMessage())))
                    .toList();
        }
        return badRequest(parameters);
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }

    private static String reason(FieldError error) {
        if (error.isBindingFailure()) {
            return "cannot read '" + error.getRejectedValue() + "'";
        }
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static ProblemDetail badRequest(List<InvalidParameter> parameters) {
        String names = String.join(", ", parameters.stream().map(InvalidParameter::name).distinct().toList());
        log.debug("API request refused, invalid parameters: {}", names);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid parameters: " + names);
        problem.setType(INVALID_PARAMETER);
        problem.setTitle("Invalid parameter");
        problem.setProperty("errors", parameters.stream()
                .map(p -> Map.of("parameter", p.name(), "reason", p.reason()))
                .toList());
        return problem;
    }
}
