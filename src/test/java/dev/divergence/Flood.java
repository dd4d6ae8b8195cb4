package dev.divergence;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Simultaneous heavy requests, for the tests of the bulkhead and of the wait for a running place. */
final class Flood {

    /** Gamma against Weibull by 3·10⁶ Monte Carlo draws: about 0.2–0.5 s each on the CI machine. */
    static final String HEAVY = """
            {"p": {"family": "Gamma", "params": {"concentration": 3, "rate": 2}},
             "q": {"family": "Weibull", "params": {"scale": 1.5, "concentration": 1.5}},
             "method": "monteCarlo", "monteCarlo": {"samples": 3000000}}""";

    private Flood() {
    }

    /**
     * @param http the client
     * @param requests how many to send at once
     * @return the answers, in sending order
     */
    static List<HttpResponse<String>> ofHeavyRequests(HttpClientSupport http, int requests) {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> http.post("/v1/divergences/parametric", HEAVY), pool));
            }
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }
}
