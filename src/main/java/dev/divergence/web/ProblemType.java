package dev.divergence.web;

import dev.divergence.validation.RequestProblem;
import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every kind of error the service answers, each with a stable type URI ({@code urn:problem-type:divergence:<slug>}),
 * a fixed title and its HTTP status (RFC 9457).
 */
public enum ProblemType {
    MALFORMED_JSON("malformed-json", "Malformed JSON", HttpStatus.BAD_REQUEST),
    UNKNOWN_FIELD("unknown-field", "Unknown field", HttpStatus.BAD_REQUEST),
    INVALID_FIELD("invalid-field", "Invalid field value", HttpStatus.BAD_REQUEST),
    MISSING_FIELD("missing-field", "Missing required field", HttpStatus.BAD_REQUEST),
    INVALID_DISTRIBUTION("invalid-distribution", "Invalid distribution", HttpStatus.BAD_REQUEST),
    LENGTH_MISMATCH("length-mismatch", "Distributions of different lengths", HttpStatus.BAD_REQUEST),
    INVALID_OPTION("invalid-option", "Invalid option", HttpStatus.BAD_REQUEST),
    UNKNOWN_FAMILY("unknown-family", "Unknown distribution family", HttpStatus.BAD_REQUEST),
    UNKNOWN_PARAMETER("unknown-parameter", "Unknown distribution parameter", HttpStatus.BAD_REQUEST),
    MISSING_PARAMETER("missing-parameter", "Missing distribution parameter", HttpStatus.BAD_REQUEST),
    CONFLICTING_PARAMETERS("conflicting-parameters", "Conflicting distribution parameters", HttpStatus.BAD_REQUEST),
    INVALID_PARAMETER("invalid-parameter", "Distribution parameter out of its domain", HttpStatus.BAD_REQUEST),
    SHAPE_MISMATCH("shape-mismatch", "Parameter shapes do not fit together", HttpStatus.BAD_REQUEST),
    INCOMPATIBLE_DISTRIBUTIONS("incompatible-distributions", "Distributions on different sample spaces",
            HttpStatus.UNPROCESSABLE_CONTENT),
    NO_CLOSED_FORM("no-closed-form", "No closed form for this pair", HttpStatus.UNPROCESSABLE_CONTENT),
    ESTIMATE_UNDEFINED("estimate-undefined", "The estimator is undefined for these samples",
            HttpStatus.UNPROCESSABLE_CONTENT),
    BAD_REQUEST("bad-request", "Bad request", HttpStatus.BAD_REQUEST),
    LIMIT_EXCEEDED("limit-exceeded", "Request exceeds a configured limit", HttpStatus.CONTENT_TOO_LARGE),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", HttpStatus.CONTENT_TOO_LARGE),
    UNAUTHORIZED("unauthorized", "Authentication required", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Not allowed", HttpStatus.FORBIDDEN),
    REQUEST_TIMEOUT("request-timeout", "Request body too slow", HttpStatus.REQUEST_TIMEOUT),
    OVERLOADED("overloaded", "Too many computations in progress", HttpStatus.SERVICE_UNAVAILABLE),
    DEADLINE_EXCEEDED("deadline-exceeded", "Computation deadline exceeded", HttpStatus.SERVICE_UNAVAILABLE),
    NOT_FOUND("not-found", "No such resource", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    NOT_IMPLEMENTED("not-implemented", "Not implemented", HttpStatus.NOT_IMPLEMENTED),
    INTERNAL_ERROR("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

    static final String URI_PREFIX = "urn:problem-type:divergence:";

    private final String slug;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    /** @return the last segment of the type URI, also the {@code type} tag of the rejection counter */
    public String slug() {
        return slug;
    }

    /** @return the type URI */
    public URI uri() {
        return URI.create(URI_PREFIX + slug);
    }

    /** @return the fixed title */
    public String title() {
        return title;
    }

    /** @return the HTTP status */
    public HttpStatus status() {
        return status;
    }

    static ProblemType of(RequestProblem problem) {
        return switch (problem) {
            case INVALID_DISTRIBUTION -> INVALID_DISTRIBUTION;
            case LENGTH_MISMATCH -> LENGTH_MISMATCH;
            case INVALID_OPTION -> INVALID_OPTION;
            case MISSING_FIELD -> MISSING_FIELD;
            case LIMIT_EXCEEDED -> LIMIT_EXCEEDED;
            case UNKNOWN_FAMILY -> UNKNOWN_FAMILY;
            case UNKNOWN_PARAMETER -> UNKNOWN_PARAMETER;
            case MISSING_PARAMETER -> MISSING_PARAMETER;
            case CONFLICTING_PARAMETERS -> CONFLICTING_PARAMETERS;
            case INVALID_PARAMETER -> INVALID_PARAMETER;
            case SHAPE_MISMATCH -> SHAPE_MISMATCH;
            case INCOMPATIBLE_DISTRIBUTIONS -> INCOMPATIBLE_DISTRIBUTIONS;
            case NO_CLOSED_FORM -> NO_CLOSED_FORM;
            case ESTIMATE_UNDEFINED -> ESTIMATE_UNDEFINED;
        };
    }

    static ProblemType of(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 501 -> NOT_IMPLEMENTED;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }
}
