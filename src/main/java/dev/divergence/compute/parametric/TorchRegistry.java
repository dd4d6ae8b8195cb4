package dev.divergence.compute.parametric;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The (P, Q) family pairs for which {@code torch.distributions.kl.kl_divergence} has a rule, after its dispatch by
 * subclass (Chi2 is a Gamma; LogNormal, HalfNormal and HalfCauchy are TransformedDistributions whose pair rule
 * needs equal transforms; Wishart falls to the ExponentialFamily rule for two distributions of the same type).
 */
final class TorchRegistry {

    private static final Set<String> PAIRS = new HashSet<>();

    static {
        for (String f : List.of("Bernoulli", "Beta", "Binomial", "Categorical", "ContinuousBernoulli", "Dirichlet",
                "Exponential", "Gamma", "Gumbel", "Geometric", "HalfNormal", "Laplace", "Normal", "OneHotCategorical",
                "Pareto", "Poisson", "Uniform", "Cauchy", "Independent", "Wishart", "LogNormal", "HalfCauchy")) {
            add(f, f);
        }
        for (String p : List.of("MultivariateNormal", "LowRankMultivariateNormal")) {
            for (String q : List.of("MultivariateNormal", "LowRankMultivariateNormal")) {
                add(p, q);
            }
        }
        add("Bernoulli", "Poisson");
        addAll("Beta", "ContinuousBernoulli", "Pareto", "Exponential", "Gamma", "Normal", "Uniform");
        addAll("ContinuousBernoulli", "Pareto", "Exponential", "Normal", "Uniform");
        addAll("Exponential", "Beta", "ContinuousBernoulli", "Pareto", "Uniform", "Gamma", "Gumbel", "Normal");
        addAll("Gamma", "Beta", "ContinuousBernoulli", "Pareto", "Uniform", "Exponential", "Gumbel", "Normal");
        addAll("Gumbel", "Beta", "ContinuousBernoulli", "Exponential", "Gamma", "Pareto", "Uniform", "Normal");
        addAll("Laplace", "Beta", "ContinuousBernoulli", "Exponential", "Gamma", "Pareto", "Uniform", "Normal");
        addAll("Normal", "Beta", "ContinuousBernoulli", "Exponential", "Gamma", "Pareto", "Uniform", "Gumbel",
                "Laplace");
        addAll("Pareto", "Beta", "ContinuousBernoulli", "Uniform", "Exponential", "Gamma", "Normal");
        addAll("Poisson", "Bernoulli", "Binomial");
        addAll("Uniform", "Beta", "ContinuousBernoulli", "Exponential", "Gamma", "Gumbel", "Normal", "Pareto");
        // Chi2 subclasses Gamma: every Gamma rule applies to it on either side
        for (String pair : Set.copyOf(PAIRS)) {
            String[] pq = pair.split(",");
            if (pq[0].equals("Gamma")) {
                add("Chi2", pq[1]);
            }
            if (pq[1].equals("Gamma")) {
                add(pq[0], "Chi2");
            }
        }
        add("Chi2", "Chi2");
    }

    private TorchRegistry() {
    }

    private static void add(String p, String q) {
        PAIRS.add(p + "," + q);
    }

    private static void addAll(String p, String... qs) {
        for (String q : qs) {
            add(p, q);
        }
    }

    /**
     * @param p family name of P
     * @param q family name of Q
     * @return whether torch has a kl_divergence rule for the pair
     */
    static boolean registered(String p, String q) {
        return PAIRS.contains(p + "," + q);
    }
}
