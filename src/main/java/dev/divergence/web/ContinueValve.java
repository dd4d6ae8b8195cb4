package dev.divergence.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ContinueResponseTiming;

/**
 * Sends {@code 100 Continue} to a {@code /v1} request that asks for it ({@code Expect: 100-continue}) and whose
 * declared {@code Content-Length} is within the endpoint's limit, before the request reaches the filters.
 * Tomcat itself sends it when the application first reads the body with a blocking read
 * ({@code continueResponseTiming=onRead}); the service reads bodies with non-blocking reads
 * ({@code BodyArrivalFilter}), which do not send it, and a client would wait for it (curl: one second) before
 * sending. A body declared over the limit gets no {@code 100 Continue}: its 413 comes first, before the client
 * sends it.
 */
public class ContinueValve extends ValveBase {

    private final BodyLimit limit;

    /** @param limit the endpoints' body limits */
    public ContinueValve(BodyLimit limit) {
        super(true);
        this.limit = limit;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String uri = request.getRequestURI();
        if (uri != null && uri.startsWith("/v1/") && request.getCoyoteRequest().hasExpectation()
                && request.getContentLengthLong() <= limit.bytesFor(uri)) {
            response.sendAcknowledgement(ContinueResponseTiming.ALWAYS);
        }
        getNext().invoke(request, response);
    }
}
