package dev.divergence.web;

import dev.divergence.runtime.ServiceMeters;
import dev.divergence.validation.Violation;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers to request bodies that are not processed (too many arriving, too slow, too long, no memory): problem
 * details with {@code Connection: close}, the rest of the body unread.
 */
final class BodyRefusals {

    private static final ReadListener DISCARD = new ReadListener() {
        @Override
        public void onDataAvailable() {
        }

        @Override
        public void onAllDataRead() {
        }

        @Override
        public void onError(Throwable t) {
        }
    };

    /** Why a body is not processed. */
    record Refusal(ProblemType type, String detail) {
    }

    /** Something that writes a response. */
    @FunctionalInterface
    interface Answer {
        void write() throws IOException;
    }

    private final JsonMapper mapper;
    private final ServiceMeters meters;
    private final long retryAfterSeconds;

    BodyRefusals(JsonMapper mapper, ServiceMeters meters, long retryAfterSeconds) {
        this.mapper = mapper;
        this.meters = meters;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @return the {@code Retry-After} of a 503, in seconds */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * Answers a request without reading the rest of its body: the request is made non-blocking first, so that
     * Tomcat's discarding of the unread body at the end of the request does not wait for a slow client on a worker
     * thread (the answer should close the connection).
     *
     * @param request the request, not asynchronous yet
     * @param answer writes the response
     * @throws IOException when writing fails
     */
    static void answerUnread(HttpServletRequest request, Answer answer) throws IOException {
        AsyncContext async = request.startAsync();
        request.getInputStream().setReadListener(DISCARD);
        try {
            answer.write();
        } finally {
            async.complete();
        }
    }

    /** Refuses a request whose body is not asynchronous yet, without reading the rest of it. */
    void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        answerUnread(request, () -> write(request, response, refusal));
    }

    /** Writes a refusal, closing the connection. */
    void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        response.setHeader(HttpHeaders.CONNECTION, "close");
        if (refusal.type() == ProblemType.OVERLOADED) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        List<Violation> errors = refusal.type() == ProblemType.PAYLOAD_TOO_LARGE
                ? List.of(new Violation("", refusal.detail())) : List.of();
        ProblemDetails.write(response, mapper, meters, refusal.type(), refusal.detail(), errors,
                request.getRequestURI());
    }
}
