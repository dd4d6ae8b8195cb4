package dev.divergence.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The service's own meters. Tags take few values ({@code endpoint}, {@code outcome}, {@code type}); sizes go
 * into a distribution summary, never into a tag.
 *
 * <ul>
 * <li>{@code divergence.requests} (counter; endpoint, outcome = success | client_error | server_error)</li>
 * <li>{@code divergence.computation} (timer; endpoint): time spent in the computation itself</li>
 * <li>{@code divergence.input.size} (summary, elements; endpoint): entries per distribution, summed over a batch</li>
 * <li>{@code divergence.rejections} (counter; endpoint, type): rejected requests by problem type</li>
 * <li>{@code divergence.drift.columns} (counter; outcome = tested | drifted | skipped): columns of drift requests</li>
 * <li>{@code divergence.drift.drifted.columns} (summary, columns): drifted columns per drift request</li>
 * </ul>
 */
@Component
public class ServiceMeters {

    private final MeterRegistry registry;
    // the tags take few values: each meter is built once, then found by a map lookup (no builder per request)
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> sizes = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public ServiceMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs a computation under the {@code divergence.computation} timer of an endpoint. */
    public <T> T timeComputation(String endpoint, Supplier<T> computation) {
        return timers.computeIfAbsent(endpoint, e -> Timer.builder("divergence.computation")
                .description("Time spent computing divergences").tag("endpoint", e).publishPercentileHistogram()
                .register(registry)).record(computation);
    }

    /** Records the number of elements of one request. */
    public void recordInputSize(String endpoint, long elements) {
        sizes.computeIfAbsent(endpoint, e -> DistributionSummary.builder("divergence.input.size")
                .description("Elements per distribution in a request").baseUnit("elements").tag("endpoint", e)
                .register(registry)).record(elements);
    }

    /** Counts a finished request by endpoint and outcome. */
    public void countRequest(String endpoint, String outcome) {
        counters.computeIfAbsent("requests|" + endpoint + "|" + outcome, k -> Counter.builder("divergence.requests")
                .description("Requests by endpoint and outcome").tag("endpoint", endpoint).tag("outcome", outcome)
                .register(registry)).increment();
    }

    /** Counts a rejected request by endpoint and problem type (the slug of its type URI). */
    public void countRejection(String endpoint, String problemType) {
        counters.computeIfAbsent("rejections|" + endpoint + "|" + problemType, k -> Counter
                .builder("divergence.rejections").description("Rejected requests by problem type")
                .tag("endpoint", endpoint).tag("type", problemType).register(registry)).increment();
    }

    /**
     * Records one drift request's columns.
     *
     * @param tested columns tested
     * @param drifted columns that drifted
     * @param skipped columns that could not be tested
     */
    public void recordDrift(int tested, int drifted, int skipped) {
        driftColumns("tested").increment(tested);
        driftColumns("drifted").increment(drifted);
        driftColumns("skipped").increment(skipped);
        sizes.computeIfAbsent("drift|drifted", k -> DistributionSummary.builder("divergence.drift.drifted.columns")
                .description("Drifted columns per drift request").baseUnit("columns").register(registry))
                .record(drifted);
    }

    private Counter driftColumns(String outcome) {
        return counters.computeIfAbsent("drift|" + outcome, k -> Counter.builder("divergence.drift.columns")
                .description("Columns of drift requests by outcome").tag("outcome", outcome).register(registry));
    }
}
