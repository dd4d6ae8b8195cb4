package dev.divergence.web;

/** Field descriptions shared by the OpenAPI schemas of several request records. */
public final class Docs {

    public static final String DISTRIBUTION_P = "Reference distribution P: an array of weights, or an object {category: weight}";
    public static final String DISTRIBUTION_Q = "Approximating distribution Q, of the same form as p (same length, or keyed)";
    public static final String INPUT_TYPE = "How p and q are written: probabilities, counts, logProbabilities or logits "
            + "(natural-log weights turned into probabilities by softmax; \"-Infinity\" allowed)";
    public static final String NORMALIZE = "Rescale to sum 1 (counts always are); false: probabilities must sum to 1 "
            + "within the configured tolerance";
    public static final String BASE = "Logarithm base of every logarithmic result: \"e\" (nats), 2 (bits), 10 (hartleys) "
            + "or any number > 0 and != 1";
    public static final String METRICS = "Metrics to return (default all): kl, reverseKl, jeffreys, psi, jensenShannon, "
            + "jensenShannonDistance, crossEntropy, entropyP, entropyQ, totalVariation, hellinger, bhattacharyya, "
            + "chiSquare, renyi";
    public static final String RENYI_ORDERS = "Orders α > 0 of the Rényi divergences returned under renyi";
    public static final String POINTWISE = "Also return each category's KL term p_i log(p_i / q_i)";

    private Docs() {
    }
}
