package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.divergence.runtime.MemoryBudget;
import dev.divergence.runtime.RequestMemory;
import java.net.http.HttpResponse;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Parsed request bodies are admitted against the working-memory budget while they stream in (issue 17, item 2:
 * twelve 18 MB bodies at once ended in an OutOfMemoryError, because parsing came before any admission). The readers
 * charge 16 bytes a number (the growing chunks and the final array) to the request's {@link RequestMemory}; past
 * the first {@value RequestMemory#FREE} bytes that is reserved from the {@link MemoryBudget}. The budget here is
 * 0.01 % of the test JVM's heap; the body sizes are derived from it, so the test holds for any heap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "divergence.resilience.working-memory-share=0.0001", "divergence.resilience.max-queue-wait=200ms",
    "divergence.limits.max-elements=5000000"})
class BodyMemoryAdmissionHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    MemoryBudget budget;

    private static String zeros(long n) {
        return "[1," + String.join(",", Collections.nCopies((int) n - 1, "0")) + "]";
    }

    private HttpResponse<String> discrete(long n) {
        return new HttpClientSupport(port).post("/v1/divergences/discrete",
                "{\"p\": " + zeros(n) + ", \"q\": " + zeros(n) + ", \"metrics\": [\"kl\"]}");
    }

    @Test
    void aBodyWhoseParsedArraysExceedTheWholeBudgetIs413WhileItStreams() {
        // two arrays of total/16 numbers charge twice the budget
        HttpResponse<String> r = discrete(budget.totalBytes() / 16);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.body()).contains("urn:problem-type:divergence:limit-exceeded", "of working memory once parsed",
                "divergence.resilience.working-memory-share");
    }

    @Test
    void aBodyThatDoesNotFitBesideTheOthersWaitsThen503AndPassesOnceThereIsRoom() {
        // charges between the free allowance and the whole budget: it needs a reservation
        long n = (RequestMemory.FREE + budget.totalBytes()) / 64;
        try (MemoryBudget.Reservation all = budget.reserve(budget.totalBytes())) {
            HttpResponse<String> r = discrete(n);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(r.body()).contains("urn:problem-type:divergence:overloaded", "working memory budget");
        }
        HttpResponse<String> r = discrete(n);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        // and what it reserved went back: the whole budget is free again
        budget.reserve(budget.totalBytes()).close();
    }

    @Test
    void smallBodiesNeverTouchTheBudget() {
        try (MemoryBudget.Reservation all = budget.reserve(budget.totalBytes())) {
            // 1,000 numbers a side charge 32 KB, inside the free allowance
            HttpResponse<String> r = discrete(1000);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
    }
}
