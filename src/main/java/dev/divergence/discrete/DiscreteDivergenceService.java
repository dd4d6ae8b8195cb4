package dev.divergence.discrete;

import dev.divergence.compute.DiscreteDivergences;
import dev.divergence.compute.DivergenceBundle;
import dev.divergence.compute.LogBase;
import dev.divergence.config.LimitProperties;
import dev.divergence.runtime.ComputeGate;
import dev.divergence.runtime.ServiceMeters;
import dev.divergence.validation.OptionValue;
import dev.divergence.validation.RequestProblem;
import dev.divergence.validation.Violations;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Discrete divergences: validates a request's options and distributions (every problem located by a JSON
 * Pointer), aligns and normalizes them, and hands the probability vectors to {@link DiscreteDivergences}.
 */
@Service
public class DiscreteDivergenceService {

    private static final double[] DEFAULT_RENYI_ORDERS = {0.5, 2};
    private static final Set<Metric> NEEDS_BUNDLE = EnumSet.complementOf(EnumSet.of(Metric.KL, Metric.RENYI));
    private static final int MAX_LISTED_CATEGORIES = 10;

    private final LimitProperties limits;
    private final DistributionPreparer preparer;
    private final ServiceMeters meters;
    private final ComputeGate gate;

    DiscreteDivergenceService(LimitProperties limits, ServiceMeters meters, ComputeGate gate) {
        this.limits = limits;
        this.gate = gate;
        this.preparer = new DistributionPreparer(limits.maxElements(), limits.sumTolerance());
        this.meters = meters;
    }

    /** Two distributions to compare. */
    public record Pair(DistributionInput p, DistributionInput q, Double base) {

        /**
         * @param p the reference distribution
         * @param q the approximating distribution
         */
        public Pair(DistributionInput p, DistributionInput q) {
            this(p, q, null);
        }
    }

    /**
     * @param pair the two distributions
     * @param options the options as written (null fields take their defaults)
     * @return the divergences
     * @throws InvalidRequestException listing every offending value
     */
    public DiscreteResult evaluate(Pair pair, DiscreteOptions options) {
        Violations violations = new Violations(limits.maxViolations());
        ResolvedOptions resolved = resolve(options, violations);
        List<String> warnings = new ArrayList<>();
        DistributionPreparer.PreparedPair prepared = resolved == null ? null
                : preparer.prepare(pair.p(), pair.q(), resolved, "", violations, warnings);
        violations.throwIfAny();
        meters.recordInputSize("discrete", prepared.p().length);
        return gate.run("discrete", () -> compute(prepared, resolved, warnings));
    }

    /**
     * Validates options once, for a feature that evaluates many pairs with them (the samples estimators and their
     * bootstrap resamples) through {@link #evaluateResolved}.
     *
     * @param options the options as written (null fields take their defaults)
     * @return the validated options
     * @throws InvalidRequestException listing every offending option
     */
    public ResolvedOptions resolve(DiscreteOptions options) {
        Violations violations = new Violations(limits.maxViolations());
        ResolvedOptions resolved = resolve(options, violations);
        violations.throwIfAny();
        return resolved;
    }

    /**
     * The divergences of one pair with options validated before, inside the caller's own compute gate (no meters,
     * no admission of its own): the published kernel other features call.
     *
     * @param pair the two distributions (their arrays may be normalized in place)
     * @param options options from {@link #resolve(DiscreteOptions)}
     * @return the divergences
     * @throws InvalidRequestException if an entry of the pair is invalid
     */
    public DiscreteResult evaluateResolved(Pair pair, ResolvedOptions options) {
        Violations violations = new Violations(limits.maxViolations());
        List<String> warnings = new ArrayList<>();
        DistributionPreparer.PreparedPair prepared = preparer.prepare(pair.p(), pair.q(), options, "", violations,
                warnings);
        violations.throwIfAny();
        return compute(prepared, options, warnings);
    }

    /**
     * @param pairs the pairs, in order
     * @param options options applied to every pair
     * @return one result per pair, in order
     * @throws InvalidRequestException listing every offending value, with pointers such as {@code /pairs/3/q/2}
     */
    public List<DiscreteResult> evaluateBatch(List<Pair> pairs, DiscreteOptions options) {
        Violations violations = new Violations(limits.maxViolations());
        if (pairs == null || pairs.isEmpty()) {
            violations.add(pairs == null ? RequestProblem.MISSING_FIELD : RequestProblem.INVALID_OPTION, "/pairs",
                    pairs == null ? "is required" : "must contain at least one pair");
            violations.throwIfAny();
        }
        if (pairs.size() > limits.maxBatchPairs()) {
            violations.add(RequestProblem.LIMIT_EXCEEDED, "/pairs",
                    "has " + pairs.size() + " pairs, more than the limit of " + limits.maxBatchPairs());
            violations.throwIfAny();
        }
        ResolvedOptions resolved = resolve(options, violations);
        List<DistributionPreparer.PreparedPair> prepared = new ArrayList<>(pairs.size());
        List<ResolvedOptions> perPair = new ArrayList<>(pairs.size());
        List<List<String>> warnings = new ArrayList<>(pairs.size());
        long elements = 0;
        for (int i = 0; i < pairs.size() && resolved != null; i++) {
            Pair pair = pairs.get(i);
            List<String> w = new ArrayList<>();
            if (pair == null) {
                violations.add(RequestProblem.MISSING_FIELD, "/pairs/" + i, "must be an object with p and q");
                continue;
            }
            ResolvedOptions own = resolved;
            // a pair's own base overrides the batch's
            LogBase b = pair.base() == null ? null : violations.logBase(pair.base(), "/pairs/" + i + "/base");
            if (b != null) {
                own = new ResolvedOptions(resolved.inputType(), resolved.normalize(), b, resolved.smoothing(),
                        resolved.metrics(), resolved.renyiOrders(), resolved.pointwise());
            }
            DistributionPreparer.PreparedPair pp = preparer.prepare(pair.p(), pair.q(), own, "/pairs/" + i,
                    violations, w);
            prepared.add(pp);
            perPair.add(own);
            warnings.add(w);
            elements += pp == null ? 0 : pp.p().length;
        }
        violations.throwIfAny();
        meters.recordInputSize("discrete-batch", elements);
        return gate.run("discrete-batch", () -> {
            List<DiscreteResult> results = new ArrayList<>(prepared.size());
            for (int i = 0; i < prepared.size(); i++) {
                results.add(compute(prepared.get(i), perPair.get(i), warnings.get(i)));
            }
            return results;
        });
    }

    private static DiscreteResult compute(DistributionPreparer.PreparedPair pair, ResolvedOptions options,
            List<String> warnings) {
        double[] p = pair.p();
        double[] q = pair.q();
        // log-domain input: the kernel takes ln p, ln q from these where a probability underflowed
        double[] logP = pair.logP();
        double[] logQ = pair.logQ();
        LogBase base = options.base();
        DiscreteDivergences divergences = DiscreteDivergences.inBase(base);
        Set<Metric> metrics = options.metrics();
        double[] orders = metrics.contains(Metric.RENYI) ? options.renyiOrders() : new double[0];
        boolean needsBundle = metrics.stream().anyMatch(NEEDS_BUNDLE::contains);
        for (double order : orders) {
            needsBundle |= order == 0.5 || order == 2;
        }
        DivergenceBundle bundle = needsBundle ? divergences.bundle(p, q, logP, logQ) : null;
        double kl = bundle != null ? bundle.kl() : divergences.klDivergence(p, q, logP, logQ);
        double[] renyi = new double[orders.length];
        for (int j = 0; j < orders.length; j++) {
            double alpha = orders[j];
            if (alpha == 1) {
                renyi[j] = kl;
            } else if (alpha == 0.5) {
                renyi[j] = 2 * bundle.bhattacharyya(); // D_½ = −2 ln Σ √(pq) (van Erven and Harremoës 2014)
            } else if (alpha == 2 && logP == null) {
                renyi[j] = base.fromNats(Math.log1p(bundle.chiSquare())); // D_2 = ln(1 + χ²)
            } else {
                // (with logarithms also α = 2: ln(1 + χ²) in the log domain, where χ² itself may overflow)
                renyi[j] = divergences.renyiDivergence(p, q, logP, logQ, alpha);
            }
        }
        if (kl == Double.POSITIVE_INFINITY) {
            String where = listWhereOnlyFirstIsPositive(logP == null ? p : logP, logP == null ? q : logQ,
                    logP != null, pair.categories());
            warnings.add(where.endsWith("[]") ? "kl overflows: its true value is finite but larger than the largest "
                    + "double (about 1.8e308)" : "kl is infinite: q is 0 where p > 0 at " + where
                    + "; smoothing (e.g. {\"method\": \"epsilon\", \"epsilon\": 1e-9}) gives a finite value");
        }
        boolean reverseAsked = metrics.contains(Metric.REVERSE_KL) || metrics.contains(Metric.JEFFREYS)
                || metrics.contains(Metric.PSI);
        if (reverseAsked && bundle.reverseKl() == Double.POSITIVE_INFINITY) {
            warnings.add("reverseKl is infinite: p is 0 where q > 0 at "
                    + listWhereOnlyFirstIsPositive(logP == null ? q : logQ, logP == null ? p : logP, logP != null,
                            pair.categories()));
        }
        if (bundle != null && bundle.bhattacharyya() == Double.POSITIVE_INFINITY
                && metrics.contains(Metric.BHATTACHARYYA)) {
            warnings.add("the supports of p and q are disjoint: bhattacharyya is infinite and hellinger is 1");
        }
        double[] pointwise = options.pointwise() ? divergences.klTerms(p, q, logP, logQ) : null;
        return new DiscreteResult(kl, base, metrics, bundle, orders, renyi, pair.categories(), pointwise, warnings);
    }

    /**
     * @param logs whether a and b are natural logarithms (then "positive" means > −∞)
     * @return the indices or categories where a is positive and b is not, as "indices [...]"
     */
    private static String listWhereOnlyFirstIsPositive(double[] a, double[] b, boolean logs, String[] categories) {
        StringBuilder sb = new StringBuilder(categories == null ? "indices [" : "categories [");
        int count = 0;
        double zero = logs ? Double.NEGATIVE_INFINITY : 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > zero && b[i] == zero) {
                if (count < MAX_LISTED_CATEGORIES) {
                    sb.append(count == 0 ? "" : ", ").append(categories == null ? Integer.toString(i) : categories[i]);
                }
                count++;
            }
        }
        sb.append(']');
        if (count > MAX_LISTED_CATEGORIES) {
            sb.append(" and ").append(count - MAX_LISTED_CATEGORIES).append(" more");
        }
        return sb.toString();
    }

    private ResolvedOptions resolve(DiscreteOptions options, Violations violations) {
        InputType inputType = options.inputType() == null ? InputType.PROBABILITIES : options.inputType();
        LogBase base = violations.logBase(options.base(), "/base");
        ResolvedOptions.Smoothing smoothing = resolveSmoothing(options.smoothing(), inputType, violations);
        Set<Metric> metrics = Metric.all();
        if (options.metrics() != null) {
            metrics = EnumSet.noneOf(Metric.class);
            for (int i = 0; i < options.metrics().size(); i++) {
                Metric m = options.metrics().get(i);
                if (m == null) {
                    violations.add(RequestProblem.INVALID_OPTION, "/metrics/" + i, "must be a metric name; expected "
                            + "one of " + String.join(", ", OptionValue.names(Metric.class)));
                } else {
                    metrics.add(m);
                }
            }
        }
        double[] orders = DEFAULT_RENYI_ORDERS;
        if (options.renyiOrders() != null) {
            orders = options.renyiOrders().clone();
            if (orders.length > limits.maxRenyiOrders()) {
                violations.add(RequestProblem.LIMIT_EXCEEDED, "/renyiOrders", "has " + orders.length
                        + " orders, more than the limit of " + limits.maxRenyiOrders());
            }
            for (int i = 0; i < orders.length && i < limits.maxRenyiOrders(); i++) {
                if (!(orders[i] > 0 && orders[i] < Double.POSITIVE_INFINITY)) {
                    violations.add(RequestProblem.INVALID_OPTION, "/renyiOrders/" + i,
                            "must be a finite order > 0, was " + Violations.format(orders[i]));
                }
            }
        }
        if (smoothing == null) {
            return null; // entries cannot be checked without a valid input type and smoothing
        }
        return new ResolvedOptions(inputType,
                options.normalize() == null || options.normalize(), base, smoothing, metrics, orders,
                options.pointwise() != null && options.pointwise());
    }

    private static ResolvedOptions.Smoothing resolveSmoothing(SmoothingOption option, InputType inputType,
            Violations violations) {
        if (option == null) {
            return ResolvedOptions.Smoothing.NONE;
        }
        SmoothingMethod method = option.method();
        if (method == null) {
            violations.add(RequestProblem.MISSING_FIELD, "/smoothing/method", "is required: one of "
                    + String.join(", ", OptionValue.names(SmoothingMethod.class)));
            return null;
        }
        return switch (method) {
            case NONE -> {
                if (option.alpha() != null || option.epsilon() != null) {
                    violations.add(RequestProblem.INVALID_OPTION, option.alpha() != null ? "/smoothing/alpha"
                            : "/smoothing/epsilon", "is not used by smoothing method none");
                    yield null;
                }
                yield ResolvedOptions.Smoothing.NONE;
            }
            case ADDITIVE -> {
                if (option.epsilon() != null) {
                    violations.add(RequestProblem.INVALID_OPTION, "/smoothing/epsilon",
                            "is not used by additive smoothing (its parameter is alpha)");
                    yield null;
                }
                if (inputType != InputType.COUNTS) {
                    violations.add(RequestProblem.INVALID_OPTION, "/smoothing/method", "additive smoothing adds "
                            + "pseudo-counts and applies to inputType counts only; use epsilon smoothing for "
                            + (inputType == null ? "other input" : inputType.jsonName()));
                    yield null;
                }
                Double alpha = option.alpha();
                if (alpha == null || !(alpha > 0 && alpha < Double.POSITIVE_INFINITY)) {
                    violations.add(alpha == null ? RequestProblem.MISSING_FIELD : RequestProblem.INVALID_OPTION,
                            "/smoothing/alpha", alpha == null ? "is required for additive smoothing (1 = Laplace)"
                                    : "must be a finite number > 0, was " + Violations.format(alpha));
                    yield null;
                }
                yield new ResolvedOptions.Smoothing(SmoothingMethod.ADDITIVE, alpha);
            }
            case EPSILON -> {
                if (option.alpha() != null) {
                    violations.add(RequestProblem.INVALID_OPTION, "/smoothing/alpha",
                            "is not used by epsilon smoothing (its parameter is epsilon)");
                    yield null;
                }
                Double epsilon = option.epsilon();
                if (epsilon == null || !(epsilon > 0 && epsilon < 1)) {
                    violations.add(epsilon == null ? RequestProblem.MISSING_FIELD : RequestProblem.INVALID_OPTION,
                            "/smoothing/epsilon", epsilon == null ? "is required for epsilon smoothing"
                                    : "must be a number in (0, 1), was " + Violations.format(epsilon));
                    yield null;
                }
                yield new ResolvedOptions.Smoothing(SmoothingMethod.EPSILON, epsilon);
            }
        };
    }
}
