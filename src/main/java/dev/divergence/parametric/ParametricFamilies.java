package dev.divergence.parametric;

import dev.divergence.compute.parametric.Bernoulli;
import dev.divergence.compute.parametric.Beta;
import dev.divergence.compute.parametric.Binomial;
import dev.divergence.compute.parametric.Categorical;
import dev.divergence.compute.parametric.Cauchy;
import dev.divergence.compute.parametric.ContinuousBernoulli;
import dev.divergence.compute.parametric.Dirichlet;
import dev.divergence.compute.parametric.Distribution;
import dev.divergence.compute.parametric.Exponential;
import dev.divergence.compute.parametric.Gamma;
import dev.divergence.compute.parametric.Geometric;
import dev.divergence.compute.parametric.Gumbel;
import dev.divergence.compute.parametric.HalfCauchy;
import dev.divergence.compute.parametric.HalfNormal;
import dev.divergence.compute.parametric.IncompatibleDistributionsException;
import dev.divergence.compute.parametric.Laplace;
import dev.divergence.compute.parametric.LogNormal;
import dev.divergence.compute.parametric.MultivariateNormal;
import dev.divergence.compute.parametric.Normal;
import dev.divergence.compute.parametric.OneHotCategorical;
import dev.divergence.compute.parametric.ParametricDivergences;
import dev.divergence.compute.parametric.Pareto;
import dev.divergence.compute.parametric.Poisson;
import dev.divergence.compute.parametric.StudentT;
import dev.divergence.compute.parametric.Uniform;
import dev.divergence.compute.parametric.Weibull;
import dev.divergence.compute.parametric.Wishart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The parametric families the service accepts, by their {@code torch.distributions} names: each family's
 * parameters (torch's names, the rank of one event of each, defaults), the groups of alternative
 * parameterizations of which exactly one must be given, and how one batch element is built. Independent and
 * MixtureSameFamily, whose parameters are distributions, are assembled by {@link ParametricService}.
 */
public final class ParametricFamilies {

    /**
     * One parameter.
     *
     * @param name torch's name
     * @param eventRank 0 for a scalar, 1 for a vector, 2 for a matrix (per batch element)
     * @param defaultValue the value when absent (NaN: none; the parameter is required unless it is an alternative)
     * @param description what it is
     */
    public record Parameter(String name, int eventRank, double defaultValue, String description) {
    }

    /** Builds one batch element from the element's parameter values. */
    @FunctionalInterface
    interface Builder {
        Distribution build(Element e);
    }

    /** The parameter values of one batch element. */
    interface Element {
        /** @return whether the caller gave the parameter */
        boolean has(String name);

        /** @return a scalar parameter (or its default) */
        double scalar(String name);

        /** @return a vector or matrix parameter, row-major */
        double[] values(String name);

        /** @return the event shape of a vector or matrix parameter */
        int[] eventShape(String name);
    }

    /**
     * One family.
     *
     * @param name torch's class name
     * @param parameters every parameter it accepts
     * @param alternatives groups of which exactly one member must be given (e.g. probs | logits)
     * @param support where its samples live, for the capabilities listing
     * @param builder builds one element (null for the families whose parameters are distributions)
     * @param example one member, from which the closed-form pairs are found (null: the pairs are listed apart)
     */
    public record Family(String name, List<Parameter> parameters, List<List<String>> alternatives, String support,
            Builder builder, Supplier<Distribution> example) {

        /** @return the parameter with that name, or null */
        public Parameter parameter(String name) {
            for (Parameter p : parameters) {
                if (p.name().equals(name)) {
                    return p;
                }
            }
            return null;
        }
    }

    private static final double NONE = Double.NaN;
    private static final Map<String, Family> FAMILIES = new LinkedHashMap<>();
    /** A 3 x 3 covariance for the examples of the multivariate families. */
    private static final double[] EXAMPLE_COV = {1, 0.5, 0, 0.5, 2, 0.3, 0, 0.3, 1.5};

    static {
        Parameter loc = new Parameter("loc", 0, NONE, "location");
        Parameter scale = new Parameter("scale", 0, NONE, "scale, > 0");
        Parameter rate = new Parameter("rate", 0, NONE, "rate, > 0");
        Parameter probs = new Parameter("probs", 0, NONE, "success probability in [0, 1]");
        Parameter logits = new Parameter("logits", 0, NONE, "log-odds ln(probs / (1 - probs))");
        List<List<String>> probsOrLogits = List.of(List.of("probs", "logits"));
        add("Normal", List.of(loc, scale), List.of(), "real", e -> Normal.of(e.scalar("loc"), e.scalar("scale")),
                () -> Normal.of(0, 1));
        add("LogNormal", List.of(new Parameter("loc", 0, NONE, "mean of ln X"),
                new Parameter("scale", 0, NONE, "standard deviation of ln X, > 0")), List.of(), "positive",
                e -> LogNormal.of(e.scalar("loc"), e.scalar("scale")),
                () -> LogNormal.of(0, 1));
        add("HalfNormal", List.of(scale), List.of(), "nonnegative", e -> HalfNormal.of(e.scalar("scale")),
                () -> HalfNormal.of(1));
        add("Laplace", List.of(loc, scale), List.of(), "real", e -> Laplace.of(e.scalar("loc"), e.scalar("scale")),
                () -> Laplace.of(0, 1));
        add("Gumbel", List.of(loc, scale), List.of(), "real", e -> Gumbel.of(e.scalar("loc"), e.scalar("scale")),
                () -> Gumbel.of(0, 1));
        add("Cauchy", List.of(loc, scale), List.of(), "real", e -> Cauchy.of(e.scalar("loc"), e.scalar("scale")),
                () -> Cauchy.of(0, 1));
        add("HalfCauchy", List.of(scale), List.of(), "nonnegative", e -> HalfCauchy.of(e.scalar("scale")),
                () -> HalfCauchy.of(1));
        add("StudentT", List.of(new Parameter("df", 0, NONE, "degrees of freedom, > 0"),
                new Parameter("loc", 0, 0, "location"), new Parameter("scale", 0, 1, "scale, > 0")), List.of(), "real",
                e -> StudentT.of(e.scalar("df"), e.scalar("loc"), e.scalar("scale")),
                () -> StudentT.of(3, 0, 1));
        add("Exponential", List.of(rate), List.of(), "nonnegative", e -> Exponential.of(e.scalar("rate")),
                () -> Exponential.of(1));
        add("Gamma", List.of(new Parameter("concentration", 0, NONE, "shape, > 0"), rate), List.of(), "positive",
                e -> Gamma.of(e.scalar("concentration"), e.scalar("rate")),
                () -> Gamma.of(2, 1));
        add("Chi2", List.of(new Parameter("df", 0, NONE, "degrees of freedom, > 0")), List.of(), "positive",
                e -> Gamma.chi2(e.scalar("df")),
                () -> Gamma.chi2(3));
        add("Weibull", List.of(scale, new Parameter("concentration", 0, NONE, "shape, > 0")), List.of(),
                "nonnegative", e -> Weibull.of(e.scalar("scale"), e.scalar("concentration")),
                () -> Weibull.of(1, 1.5));
        add("Beta", List.of(new Parameter("concentration1", 0, NONE, "alpha, the exponent of x, > 0"),
                new Parameter("concentration0", 0, NONE, "beta, the exponent of 1 - x, > 0")), List.of(), "unit-interval",
                e -> Beta.of(e.scalar("concentration1"), e.scalar("concentration0")),
                () -> Beta.of(2, 3));
        add("ContinuousBernoulli", List.of(new Parameter("probs", 0, NONE, "shape parameter in (0, 1)"), logits),
                probsOrLogits, "unit-interval", e -> e.has("probs") ? ContinuousBernoulli.ofProbs(e.scalar("probs"))
                        : ContinuousBernoulli.ofLogits(e.scalar("logits")),
                () -> ContinuousBernoulli.ofProbs(0.3));
        add("Uniform", List.of(new Parameter("low", 0, NONE, "lower end"),
                new Parameter("high", 0, NONE, "upper end, > low")), List.of(), "interval",
                e -> Uniform.of(e.scalar("low"), e.scalar("high")),
                () -> Uniform.of(0, 1));
        add("Pareto", List.of(new Parameter("scale", 0, NONE, "minimum x_m, > 0"),
                new Parameter("alpha", 0, NONE, "tail index, > 0")), List.of(), "interval",
                e -> Pareto.of(e.scalar("scale"), e.scalar("alpha")),
                () -> Pareto.of(1, 3));
        add("Bernoulli", List.of(probs, logits), probsOrLogits, "integers", ParametricFamilies::bernoulli,
                () -> Bernoulli.ofProbs(0.3));
        add("Binomial", List.of(new Parameter("total_count", 0, 1, "number of trials, an integer >= 0"), probs, logits),
                probsOrLogits, "integers", e -> Binomial.of(e.scalar("total_count"), bernoulli(e)),
                () -> Binomial.of(10, Bernoulli.ofProbs(0.3)));
        add("Geometric", List.of(new Parameter("probs", 0, NONE, "success probability in (0, 1]"), logits),
                probsOrLogits, "integers", e -> Geometric.of(bernoulli(e)),
                () -> Geometric.of(Bernoulli.ofProbs(0.3)));
        add("Poisson", List.of(new Parameter("rate", 0, NONE, "mean, >= 0")), List.of(), "integers",
                e -> Poisson.of(e.scalar("rate")),
                () -> Poisson.of(2));
        Parameter catProbs = new Parameter("probs", 1, NONE, "non-negative weights of the K categories, normalized");
        Parameter catLogits = new Parameter("logits", 1, NONE, "log-weights of the K categories, softmax-normalized");
        add("Categorical", List.of(catProbs, catLogits), probsOrLogits, "integers", ParametricFamilies::categorical,
                () -> Categorical.ofProbs(new double[] {0.2, 0.3, 0.5}));
        add("OneHotCategorical", List.of(catProbs, catLogits), probsOrLogits, "one-hot",
                e -> OneHotCategorical.of(categorical(e)),
                () -> OneHotCategorical.of(Categorical.ofProbs(new double[] {0.2, 0.3, 0.5})));
        add("Dirichlet", List.of(new Parameter("concentration", 1, NONE, "K concentrations, each > 0")), List.of(),
                "simplex", e -> Dirichlet.of(e.values("concentration")),
                () -> Dirichlet.of(new double[] {1, 2, 3}));
        Parameter mvnLoc = new Parameter("loc", 1, NONE, "mean vector of length d");
        Parameter cov = new Parameter("covariance_matrix", 2, NONE, "d x d symmetric positive definite");
        Parameter precision = new Parameter("precision_matrix", 2, NONE, "inverse covariance, d x d");
        Parameter tril = new Parameter("scale_tril", 2, NONE, "lower Cholesky factor, positive diagonal, d x d");
        List<List<String>> matrices = List.of(List.of("covariance_matrix", "precision_matrix", "scale_tril"));
        add("MultivariateNormal", List.of(mvnLoc, cov, precision, tril), matrices, "real-vector",
                ParametricFamilies::multivariateNormal,
                () -> MultivariateNormal.ofCovariance(new double[3], EXAMPLE_COV));
        add("LowRankMultivariateNormal", List.of(mvnLoc,
                new Parameter("cov_factor", 2, NONE, "W, d x r: covariance W W^T + diag(cov_diag)"),
                new Parameter("cov_diag", 1, NONE, "diagonal D of length d, each > 0")), List.of(), "real-vector",
                e -> MultivariateNormal.ofLowRank(e.values("loc"), e.values("cov_factor"), e.values("cov_diag"),
                        e.eventShape("cov_factor")[1]),
                () -> MultivariateNormal.ofLowRank(new double[3], new double[] {1, 0.5, -0.3},
                        new double[] {1, 1, 1}, 1));
        add("Wishart", List.of(new Parameter("df", 0, NONE, "degrees of freedom, > d - 1"),
                new Parameter("covariance_matrix", 2, NONE, "scale matrix V, d x d symmetric positive definite"),
                new Parameter("precision_matrix", 2, NONE, "inverse of V, d x d"),
                new Parameter("scale_tril", 2, NONE, "lower Cholesky factor of V")), matrices, "positive-definite",
                ParametricFamilies::wishart,
                () -> Wishart.ofCovariance(4, EXAMPLE_COV, 3));
        add("Independent", List.of(new Parameter("base_distribution", -1, NONE, "a distribution with a batch"),
                new Parameter("reinterpreted_batch_ndims", 0, NONE, "how many rightmost batch dimensions become "
                        + "event dimensions")), List.of(), "product", null, null);
        add("MixtureSameFamily", List.of(new Parameter("mixture_distribution", -1, NONE,
                "a Categorical over the K components"), new Parameter("component_distribution", -1, NONE,
                "a univariate distribution whose rightmost batch dimension has size K")), List.of(), "mixture", null,
                null);
    }

    private ParametricFamilies() {
    }

    private static void add(String name, List<Parameter> parameters, List<List<String>> alternatives, String support,
            Builder builder, Supplier<Distribution> example) {
        FAMILIES.put(name, new Family(name, List.copyOf(parameters), alternatives, support, builder, example));
    }

    /** @return every family by name, in a stable order */
    public static Map<String, Family> all() {
        return java.util.Collections.unmodifiableMap(FAMILIES);
    }

    /** @return the family with that torch name, or null */
    public static Family get(String name) {
        return FAMILIES.get(name);
    }

    /**
     * One pair of families with a closed form.
     *
     * @param p the family of P
     * @param q the family of Q
     * @param torch whether torch's kl.py has a rule for it
     */
    public record ClosedFormPair(String p, String q, boolean torch) {
    }

    /**
     * The (P, Q) family pairs that have a closed form, found by asking {@link ParametricDivergences} about each
     * family's example member (availability depends on the families, not on their parameters), plus Independent
     * against Independent (componentwise).
     *
     * @return the pairs, P then Q in family order
     */
    public static List<ClosedFormPair> closedFormPairs() {
        List<ClosedFormPair> pairs = new ArrayList<>();
        List<Family> families = FAMILIES.values().stream().filter(f -> f.example() != null).toList();
        for (Family p : families) {
            for (Family q : families) {
                try {
                    if (ParametricDivergences.klDivergence(p.example().get(), q.example().get()) != null) {
                        pairs.add(new ClosedFormPair(p.name(), q.name(),
                                ParametricDivergences.registeredInTorch(p.name(), q.name())));
                    }
                } catch (IncompatibleDistributionsException e) {
                    // different sample spaces: no pair
                }
            }
        }
        pairs.add(new ClosedFormPair("Independent", "Independent", true));
        return List.copyOf(pairs);
    }

    /**
     * @param p a family name of P
     * @param q a family name of Q
     * @return false when KL(P ‖ Q) has no closed form for any parameters of these families (the pair is not among
     *         {@link #closedFormPairs}); true when it has one, unless the parameters make it undefined
     */
    static boolean mayHaveClosedForm(String p, String q) {
        return ClosedFormPairs.KEYS.contains(p + "\n" + q);
    }

    /** The closed-form pairs as "p\nq" keys, found once. */
    private static final class ClosedFormPairs {
        static final Set<String> KEYS = closedFormPairs().stream().map(c -> c.p() + "\n" + c.q())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static Bernoulli bernoulli(Element e) {
        return e.has("probs") ? Bernoulli.ofProbs(e.scalar("probs")) : Bernoulli.ofLogits(e.scalar("logits"));
    }

    private static Categorical categorical(Element e) {
        return e.has("probs") ? Categorical.ofProbs(e.values("probs")) : Categorical.ofLogits(e.values("logits"));
    }

    private static MultivariateNormal multivariateNormal(Element e) {
        double[] loc = e.values("loc");
        if (e.has("covariance_matrix")) {
            return MultivariateNormal.ofCovariance(loc, e.values("covariance_matrix"));
        }
        if (e.has("precision_matrix")) {
            return MultivariateNormal.ofPrecision(loc, e.values("precision_matrix"));
        }
        return MultivariateNormal.ofScaleTril(loc, e.values("scale_tril"));
    }

    private static Wishart wishart(Element e) {
        double df = e.scalar("df");
        if (e.has("covariance_matrix")) {
            return Wishart.ofCovariance(df, e.values("covariance_matrix"), e.eventShape("covariance_matrix")[0]);
        }
        if (e.has("precision_matrix")) {
            return Wishart.ofPrecision(df, e.values("precision_matrix"), e.eventShape("precision_matrix")[0]);
        }
        return Wishart.ofScaleTril(df, e.values("scale_tril"), e.eventShape("scale_tril")[0]);
    }
}
