package dev.divergence.capabilities;

import dev.divergence.config.DriftProperties;
import dev.divergence.config.LimitProperties;
import dev.divergence.discrete.InputType;
import dev.divergence.discrete.Metric;
import dev.divergence.discrete.SmoothingMethod;
import dev.divergence.drift.ColumnSummary;
import dev.divergence.drift.ColumnType;
import dev.divergence.drift.Correction;
import dev.divergence.drift.DriftMethod;
import dev.divergence.drift.DriftResponse;
import dev.divergence.drift.MissingValues;
import dev.divergence.drift.SummaryCodec;
import dev.divergence.drift.SummaryService;
import dev.divergence.parametric.Method;
import dev.divergence.parametric.ParametricFamilies;
import dev.divergence.parametric.ParametricService;
import dev.divergence.samples.BinStrategy;
import dev.divergence.samples.Estimator;
import dev.divergence.samples.SamplesService;
import dev.divergence.validation.OptionValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Capabilities")
class CapabilitiesController {

    private final Capabilities capabilities;

    CapabilitiesController(LimitProperties limits, DriftProperties drift) {
        this.capabilities = new Capabilities(
                List.of("/v1/divergences/discrete", "/v1/divergences/discrete/batch", "/v1/divergences/kl-div",
                        "/v1/divergences/parametric", "/v1/divergences/samples", "/v1/drift", "/v1/summaries",
                        "/v1/summaries/merge"),
                OptionValue.names(Metric.class),
                OptionValue.names(InputType.class),
                OptionValue.names(SmoothingMethod.class),
                List.of(new Capabilities.Unit("e", "nats"), new Capabilities.Unit("2", "bits"),
                        new Capabilities.Unit("10", "hartleys"), new Capabilities.Unit("b > 0, b != 1", "base-b")),
                new Capabilities.Samples(OptionValue.names(Estimator.class), OptionValue.names(BinStrategy.class),
                        SamplesService.DEFAULT_BIN_COUNT, SamplesService.DEFAULT_RESAMPLES),
                new Capabilities.Parametric(OptionValue.names(Method.class),
                        ParametricService.DEFAULT_SAMPLES, ParametricService.DEFAULT_SEED,
                        ParametricFamilies.all().values().stream().map(CapabilitiesController::family).toList(),
                        ParametricFamilies.closedFormPairs()),
                new Capabilities.Drift(Arrays.stream(DriftMethod.values()).filter(m -> m != DriftMethod.AUTO)
                        .map(CapabilitiesController::driftMethod).toList(), OptionValue.names(ColumnType.class),
                        OptionValue.names(MissingValues.class), OptionValue.names(Correction.class),
                        new Capabilities.Summaries(List.of(ColumnSummary.HISTOGRAM, ColumnSummary.CATEGORIES,
                                ColumnSummary.KLL), SummaryService.MIN_K, SummaryService.MAX_K,
                                SummaryService.DEFAULT_K, SummaryCodec.MAX_BINS),
                        new Capabilities.DriftLimits(drift.maxRequestBytes(), drift.maxColumns(), drift.maxRows(),
                                drift.maxCells(), drift.concurrentRequests())),
                new Capabilities.Limits(limits.maxElements(), limits.maxBatchPairs(), limits.maxRenyiOrders(),
                        limits.maxRequestBytes(), limits.sumTolerance(), limits.maxDimension(),
                        limits.maxMonteCarloSamples(), limits.maxBootstrapWork()));
    }

    private static Capabilities.DriftMethodInfo driftMethod(DriftMethod m) {
        return new Capabilities.DriftMethodInfo(m.jsonName(), m.evidentlyName(),
                m.columnTypes().stream().map(ColumnType::jsonName).toList(),
                Double.isNaN(m.defaultThreshold()) ? null : m.defaultThreshold(), m.comparison().symbol(),
                (m.givesPValue() ? DriftResponse.ScoreKind.P_VALUE : DriftResponse.ScoreKind.DISTANCE).jsonName());
    }

    private static Capabilities.Family family(ParametricFamilies.Family f) {
        return new Capabilities.Family(f.name(), f.support(), f.parameters().stream()
                .map(p -> new Capabilities.Parameter(p.name(), switch (p.eventRank()) {
                    case -1 -> "distribution";
                    case 0 -> "scalar";
                    case 1 -> "vector";
                    default -> "matrix";
                }, Double.isNaN(p.defaultValue()) ? null : p.defaultValue(), p.description())).toList(),
                f.alternatives());
    }

    @Operation(summary = "What this instance supports: endpoints, metrics, input types, smoothing, units, parametric "
            + "families and their closed-form pairs, limits")
    @GetMapping(path = "/v1/capabilities", produces = MediaType.APPLICATION_JSON_VALUE)
    Capabilities capabilities() {
        return capabilities;
    }

    /**
     * @param endpoints the computation endpoints
     * @param metrics the metric names of the discrete bundle
     * @param inputTypes accepted values of {@code inputType}
     * @param smoothingMethods accepted values of {@code smoothing.method}
     * @param units logarithm bases and their units
     * @param samples estimators and bin strategies of the samples endpoint
     * @param parametric families, parameters, methods and closed-form pairs of the parametric endpoint
     * @param drift the drift endpoint's methods, types, missing-value policies, corrections and limits
     * @param limits the configured limits
     */
    record Capabilities(List<String> endpoints, List<String> metrics, List<String> inputTypes,
            List<String> smoothingMethods, List<Unit> units, Samples samples, Parametric parametric, Drift drift,
            Limits limits) {

        /**
         * @param methods the tests besides auto
         * @param columnTypes values of {@code columnTypes}
         * @param missingValues values of {@code missingValues}
         * @param corrections values of {@code correction}
         * @param summaries what a window's column may be instead of its values
         * @param limits the drift limits
         */
        record Drift(List<DriftMethodInfo> methods, List<String> columnTypes, List<String> missingValues,
                List<String> corrections, Summaries summaries, DriftLimits limits) {
        }

        /**
         * @param kinds the summary formats a column may be sent as
         * @param minKllK smallest KLL k of {@code /v1/summaries}
         * @param maxKllK largest KLL k
         * @param defaultKllK its default
         * @param maxHistogramBins most bins of a histogram
         */
        record Summaries(List<String> kinds, int minKllK, int maxKllK, int defaultKllK, int maxHistogramBins) {
        }

        /**
         * @param name the service's name
         * @param evidentlyName Evidently's name (an accepted alias), or null
         * @param columnTypes the column types it applies to
         * @param defaultThreshold its default threshold, or null when one must be given
         * @param comparison how the score is compared with the threshold: ≤, <, ≥ or >
         * @param scoreKind pValue or distance
         */
        record DriftMethodInfo(String name, String evidentlyName, List<String> columnTypes, Double defaultThreshold,
                String comparison, String scoreKind) {
        }

        /**
         * @param maxRequestBytes largest drift body
         * @param maxColumns columns per window
         * @param maxRows values per column
         * @param maxCells values per window
         * @param concurrentRequests drift requests at once
         */
        record DriftLimits(long maxRequestBytes, int maxColumns, int maxRows, long maxCells, int concurrentRequests) {
        }

        /**
         * @param estimators values of {@code estimator}
         * @param binStrategies values of {@code bins.strategy}
         * @param defaultBinCount bins of the count and quantile strategies when not given
         * @param defaultResamples bootstrap resamples when not given
         */
        record Samples(List<String> estimators, List<String> binStrategies, int defaultBinCount,
                int defaultResamples) {
        }

        record Unit(String base, String unit) {
        }

        /**
         * @param methods values of {@code method}
         * @param defaultSamples Monte Carlo draws when not given
         * @param defaultSeed Monte Carlo seed when not given
         * @param families every family by its torch.distributions name
         * @param closedFormPairs every (P, Q) pair with a closed form, and whether torch has it
         */
        record Parametric(List<String> methods, int defaultSamples, long defaultSeed, List<Family> families,
                List<ParametricFamilies.ClosedFormPair> closedFormPairs) {
        }

        /**
         * @param name torch's class name
         * @param support where samples live
         * @param parameters torch's parameter names
         * @param alternatives groups of which exactly one parameter must be given
         */
        record Family(String name, String support, List<Parameter> parameters, List<List<String>> alternatives) {
        }

        /**
         * @param name torch's name
         * @param kind scalar, vector or matrix per batch element, or a nested distribution
         * @param defaultValue the default when absent (null: none)
         * @param description what it is
         */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        record Parameter(String name, String kind, Double defaultValue, String description) {
        }

        record Limits(int maxElements, int maxBatchPairs, int maxRenyiOrders, long maxRequestBytes,
                double sumTolerance, int maxDimension, long maxMonteCarloSamples, long maxBootstrapWork) {
        }
    }
}
