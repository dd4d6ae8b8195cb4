package dev.divergence.web;

import dev.divergence.compute.Cancellation;
import dev.divergence.config.LimitProperties;
import dev.divergence.config.ResilienceProperties;
import dev.divergence.runtime.Admission;
import dev.divergence.runtime.RequestMemory;
import dev.divergence.runtime.ServiceMeters;
import dev.divergence.validation.InvalidRequestException;
import dev.divergence.validation.OptionValue;
import dev.divergence.validation.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.resilience.InvocationRejectedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps every failure to an RFC 9457 problem with a stable {@code type}, a fixed {@code title}, a {@code detail}
 * about this request and {@code errors[]} with JSON Pointers. No exception class name, package name or stack
 * trace ever reaches a body.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final ServiceMeters meters;
    private final ResilienceProperties resilience;
    private final LimitProperties limits;

    ProblemAdvice(ServiceMeters meters, ResilienceProperties resilience, LimitProperties limits) {
        this.meters = meters;
        this.resilience = resilience;
        this.limits = limits;
    }

    @ExceptionHandler(InvocationRejectedException.class)
    ResponseEntity<Object> overloaded(InvocationRejectedException e, HttpServletRequest request) {
        // one line per refusal would flood the log under saturation: the rejection counter has them
        log.debug("Bulkhead full: refused {}", request.getRequestURI());
        HttpHeaders headers = new HttpHeaders();
        long seconds = retryAfterSeconds(resilience.retryAfter());
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        String detail = e.getTarget() instanceof Admission admission ? admission.overloadedDetail(seconds)
                : overloadedDetail(resilience.admittedComputations(), seconds);
        return problem(ProblemType.OVERLOADED, detail, List.of(), request.getRequestURI(), headers);
    }

    @ExceptionHandler(Cancellation.ComputationCancelledException.class)
    ResponseEntity<Object> deadlineExceeded(Cancellation.ComputationCancelledException e,
            HttpServletRequest request) {
        // rare and worth an operator's look; the request id comes with the line from the MDC, the body never does
        log.warn("Computation on {} stopped at its deadline of {} ms", request.getRequestURI(),
                resilience.computeDeadline().toMillis());
        return problem(ProblemType.DEADLINE_EXCEEDED, deadlineDetail(resilience.computeDeadline().toMillis()),
                List.of(), request.getRequestURI(), null);
    }

    /** A streamed body that did not arrive in time: 408, and the connection is closed (the rest is not read). */
    private ResponseEntity<Object> bodyTimeout(BodyTimeoutException e, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONNECTION, "close");
        return problem(ProblemType.REQUEST_TIMEOUT, e.detail(), List.of(), path, headers);
    }

    /**
     * A body refused by the working-memory budget while it was parsed (the readers' exception arrives wrapped by
     * Jackson): 413 when it alone needs more than the budget, 503 with Retry-After when the budget stayed full.
     *
     * @return the response, or null when the failure is something else
     */
    private ResponseEntity<Object> bodyMemory(Throwable e, String path) {
        RequestMemory.TooLargeException large = RequestMemory.TooLargeException.find(e);
        if (large != null) {
            return problem(ProblemType.LIMIT_EXCEEDED, large.getMessage(), List.of(), path, null);
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvocationRejectedException rejected && rejected.getTarget() instanceof Admission a) {
                HttpHeaders headers = new HttpHeaders();
                long seconds = retryAfterSeconds(resilience.retryAfter());
                headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                return problem(ProblemType.OVERLOADED, a.overloadedDetail(seconds), List.of(), path, headers);
            }
        }
        return null;
    }

    /** @return the Retry-After of a 503 from the bulkhead: whole seconds, rounded up, at least 1 */
    static long retryAfterSeconds(java.time.Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** The detail of a 503 from the bulkhead (also the OpenAPI document's example). */
    static String overloadedDetail(int admittedComputations, long retryAfterSeconds) {
        return admittedComputations + " computations are already running or waiting "
                + "(divergence.resilience.admitted-computations); retry after " + retryAfterSeconds + " s";
    }

    /** The detail of a 503 from the compute deadline (also the OpenAPI document's example). */
    static String deadlineDetail(long deadlineMillis) {
        return "the computation ran longer than the deadline of " + deadlineMillis
                + " ms (divergence.resilience.compute-deadline) and was stopped; ask for less work (fewer elements, "
                + "samples or resamples)";
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException e, HttpServletRequest request) {
        return problem(ProblemType.of(e.problem()), e.getMessage(), e.violations(), request.getRequestURI(), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        BodyTimeoutException slow = BodyTimeoutException.find(e);
        if (slow != null) {
            return bodyTimeout(slow, request.getRequestURI());
        }
        ResponseEntity<Object> memory = bodyMemory(e, request.getRequestURI());
        if (memory != null) {
            return memory;
        }
        log.error("Unexpected failure on {}", request.getRequestURI(), e);
        return problem(ProblemType.INTERNAL_ERROR, "the service failed to process this request; it has been logged",
                List.of(), request.getRequestURI(), null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        String path = path(request);
        BodyTimeoutException slow = BodyTimeoutException.find(e);
        if (slow != null) {
            return bodyTimeout(slow, path);
        }
        ResponseEntity<Object> memory = bodyMemory(e, path);
        if (memory != null) {
            return memory;
        }
        if (cause instanceof JacksonException j && unknownOption(j) instanceof OptionValue.UnknownOptionException u) {
            // an enumerated option's @JsonCreator refused the name: the option's pointer and its allowed values
            String pointer = pointer(j);
            return problem(ProblemType.INVALID_OPTION, pointer + ": " + u.getMessage(),
                    List.of(new Violation(pointer, u.getMessage())), path, null);
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            String pointer = pointer(u);
            Collection<Object> known = u.getKnownPropertyIds();
            String detail = "unknown field \"" + u.getPropertyName() + "\""
                    + (known == null || known.isEmpty() ? "" : "; known fields here: "
                            + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
            return problem(ProblemType.UNKNOWN_FIELD, detail, List.of(new Violation(pointer, detail)), path, null);
        }
        if (cause instanceof StreamConstraintsException c) {
            String detail = describe(c);
            ProblemType type = JacksonMessages.limit(c) == JacksonMessages.Limit.DOCUMENT_LENGTH
                    ? ProblemType.PAYLOAD_TOO_LARGE : ProblemType.LIMIT_EXCEEDED;
            return problem(type, detail, List.of(new Violation(pointer(c), detail)), path, null);
        }
        if (cause instanceof MismatchedInputException m) {
            String pointer = pointer(m);
            if (pointer.isEmpty() && JacksonMessages.isTrailingContent(m)) {
                String detail = "unexpected content after the JSON value";
                return problem(ProblemType.MALFORMED_JSON, detail, List.of(new Violation("", detail)), path, null);
            }
            String detail = describe(m);
            ProblemType type = m instanceof InvalidJsonValueException v && v.limitExceeded()
                    ? ProblemType.LIMIT_EXCEEDED : ProblemType.INVALID_FIELD;
            return problem(type, (pointer.isEmpty() ? "the request body" : pointer) + " " + detail,
                    List.of(new Violation(pointer, detail)), path, null);
        }
        if (cause instanceof StreamReadException r && JacksonMessages.duplicateKey(r) != null) {
            String name = JacksonMessages.duplicateKey(r);
            String pointer = duplicatePointer(r, name);
            String detail = "duplicate key \"" + name + "\": every key may appear once";
            return problem(ProblemType.MALFORMED_JSON, pointer + ": " + detail, List.of(new Violation(pointer, detail)),
                    path, null);
        }
        if (cause instanceof StreamReadException r) {
            String detail = "the body is not valid JSON"
                    + (r.getLocation() != null ? " (line " + r.getLocation().getLineNr() + ", column "
                            + r.getLocation().getColumnNr() + ")" : "");
            return problem(ProblemType.MALFORMED_JSON, detail, List.of(new Violation(pointer(r), detail)), path, null);
        }
        if (cause instanceof JacksonException j) {
            String pointer = pointer(j);
            String detail = "has an invalid value";
            return problem(ProblemType.INVALID_FIELD, (pointer.isEmpty() ? "the request body" : pointer) + " " + detail,
                    List.of(new Violation(pointer, detail)), path, null);
        }
        String detail = "a JSON request body is required";
        return problem(ProblemType.MISSING_FIELD, detail, List.of(new Violation("", detail)), path, null);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemType type = ProblemType.of(status.value());
        String detail = type.title();
        if (e instanceof NoResourceFoundException) {
            detail = "no resource at " + path(request);
        } else if (e instanceof HttpRequestMethodNotSupportedException m) {
            detail = "method " + m.getMethod() + " is not supported here"
                    + (m.getSupportedMethods() == null ? "" : "; use " + String.join(", ", m.getSupportedMethods()));
        } else if (e instanceof HttpMediaTypeNotSupportedException m) {
            detail = "content type " + (m.getContentType() == null ? "(none)" : m.getContentType().toString())
                    + " is not supported; send application/json";
        }
        HttpHeaders h = new HttpHeaders();
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(k)) {
                    h.put(k, v);
                }
            });
        }
        return problem(type, detail, List.of(), path(request), h);
    }

    private ResponseEntity<Object> problem(ProblemType type, String detail, List<Violation> errors, String path,
            HttpHeaders headers) {
        meters.countRejection(Endpoints.of(path), type.slug());
        return ProblemDetails.response(type, detail, errors, path, headers);
    }

    private static Throwable unknownOption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptionValue.UnknownOptionException) {
                return t;
            }
        }
        return null;
    }

    /** Which parser limit was exceeded, named by its property and value (Jackson's message names Java methods). */
    private String describe(StreamConstraintsException c) {
        return switch (JacksonMessages.limit(c)) {
            case NESTING_DEPTH -> "the JSON nests deeper than divergence.limits.max-nesting-depth = "
                    + limits.maxNestingDepth();
            case NUMBER_LENGTH -> "a number is longer than divergence.limits.max-number-length = "
                    + limits.maxNumberLength() + " characters";
            case STRING_LENGTH -> "a string is longer than divergence.limits.max-string-length = "
                    + limits.maxStringLength() + " characters";
            case DOCUMENT_LENGTH -> "the body is longer than divergence.limits.max-request-bytes = "
                    + limits.maxRequestBytes() + " bytes (refused while streaming)";
            case OTHER -> "the JSON exceeds a parser limit (nesting depth, number, string or document length)";
        };
    }

    /** What Jackson expected, in JSON terms (Jackson's own message would name Java types). */
    private static String describe(MismatchedInputException m) {
        if (m instanceof InvalidJsonValueException) {
            return m.getOriginalMessage(); // written by our own deserializers, in JSON terms
        }
        Class<?> target = m.getTargetType();
        if (target == null) {
            return "has the wrong type";
        }
        if (target == double.class || target == Double.class || target == int.class || target == Integer.class
                || target == long.class || target == Long.class || target == double[].class && isScalar(m)) {
            return "must be a number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "must be an array";
        }
        return "must be an object";
    }

    private static boolean isScalar(MismatchedInputException m) {
        return !m.getPath().isEmpty() && m.getPath().get(m.getPath().size() - 1).getIndex() >= 0;
    }

    static String pointer(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                sb.append('/').append(Violation.escape(ref.getPropertyName()));
            } else if (ref.getIndex() >= 0) {
                sb.append('/').append(ref.getIndex());
            }
        }
        return sb.toString();
    }

    /** The pointer of the duplicated key: the parser's context path, which ends at that key. */
    private static String duplicatePointer(StreamReadException e, String name) {
        tools.jackson.core.JsonParser parser = e.processor();
        if (parser == null) {
            return "/" + Violation.escape(name);
        }
        String pointer = parser.streamReadContext().pathAsPointer().toString();
        return pointer.endsWith("/" + Violation.escape(name)) ? pointer : pointer + "/" + Violation.escape(name);
    }

    private static String path(WebRequest request) {
        return request instanceof NativeWebRequest n && n.getNativeRequest() instanceof HttpServletRequest r
                ? r.getRequestURI() : null;
    }
}
