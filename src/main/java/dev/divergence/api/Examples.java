package dev.divergence.api;

/** Request and response examples shown in Swagger UI. */
final class Examples {

    static final String BAG_VS_GENERATOR = """
            {"p": {"red": 10, "blue": 15}, "q": {"red": 0.4, "blue": 0.6}, "inputType": "counts"}""";
    static final String BAG_VS_FAIR = """
            {"p": {"red": 10, "blue": 15}, "q": {"red": 0.5, "blue": 0.5}, "inputType": "counts"}""";
    static final String LONG_TAIL = """
            {"p": [0.5, 0.25, 0.125, 0.0625, 0.0625], "q": [0.5, 0.3, 0.2, 0, 0], "metrics": ["kl", "jensenShannon", "hellinger"]}""";
    static final String LOGITS = """
            {"p": [2.0, -1.0, 0.5], "q": [0.0, 0.0, "-Infinity"], "inputType": "logits", "base": 2, "metrics": ["kl", "totalVariation"]}""";
    static final String BATCH = """
            {"pairs": [{"p": [0.4, 0.6], "q": [0.5, 0.5]}, {"p": [0.1, 0.9], "q": [0.9, 0.1]}], "metrics": ["kl", "jensenShannon"]}""";
    static final String PROBLEM = """
            {"type": "urn:problem-type:divergence:invalid-distribution", "title": "Invalid distribution", "status": 400,
             "detail": "/q/1: must be a finite number >= 0, was -0.1", "instance": "/v1/divergences/discrete",
             "errors": [{"pointer": "/q/1", "detail": "must be a finite number >= 0, was -0.1"}]}""";

    static final String KL_DIV_BATCHMEAN = """
            {"input": [[-0.6903494352688877, -1.3403494352688878, -1.4403494352688877]], "target": [[0.7, 0.2, 0.1]], "reduction": "batchmean"}""";
    static final String KL_DIV_MEAN = """
            {"input": [[-1.313261687518223, -0.31326168751822303], [-1.3132616875182226, -0.3132616875182226]],
             "target": [[0.47502081252106, 0.52497918747894], [0.47502081252106, 0.52497918747894]], "reduction": "mean"}""";
    static final String KL_DIV_SUM = """
            {"input": [[-1.313261687518223, -0.31326168751822303], [-1.3132616875182226, -0.3132616875182226]],
             "target": [[0.47502081252106, 0.52497918747894], [0.47502081252106, 0.52497918747894]], "reduction": "sum"}""";

    static final String PARAMETRIC_NORMALS = """
            {"p": {"family": "Normal", "params": {"loc": 0, "scale": 1}}, "q": {"family": "Normal", "params": {"loc": 1, "scale": 2}}}""";
    static final String PARAMETRIC_VAE = """
            {"p": {"family": "Normal", "params": {"loc": [0.5, -0.3, 0.0], "scale": [0.8, 1.2, 1.0]}}, "q": {"family": "Normal", "params": {"loc": 0, "scale": 1}}}""";
    static final String PARAMETRIC_MVN = """
            {"p": {"family": "MultivariateNormal", "params": {"loc": [0, 0], "covariance_matrix": [[1, 0.5], [0.5, 2]]}},
             "q": {"family": "MultivariateNormal", "params": {"loc": [1, -1], "covariance_matrix": [[2, 0], [0, 2]]}}}""";
    static final String PARAMETRIC_MIXTURE = """
            {"p": {"family": "Gamma", "params": {"concentration": 3, "rate": 2}},
             "q": {"family": "MixtureSameFamily", "params": {"mixture_distribution": {"family": "Categorical", "params": {"probs": [0.3, 0.7]}},
                   "component_distribution": {"family": "Normal", "params": {"loc": [0.5, 2], "scale": [0.5, 1]}}}},
             "method": "monteCarlo", "monteCarlo": {"samples": 200000, "seed": 7}}""";

    static final String SAMPLES_BAG = """
            {"p": ["red", "red", "red", "red", "red", "red", "red", "red", "red", "red", "blue", "blue", "blue", "blue", "blue", "blue", "blue", "blue", "blue", "blue", "blue", "blue", "blue", "blue", "blue"],
             "q": {"red": 0.4, "blue": 0.6}, "metrics": ["kl", "totalVariation"]}""";
    static final String SAMPLES_KNN = """
            {"p": [0.1, 0.5, -0.3, 1.2, 0.8, -1.1, 0.3, 0.0], "q": [1.1, 1.9, 0.7, 2.5, 1.4, 0.2, 1.8, 2.2], "estimator": "knn", "k": 1}""";
    static final String SAMPLES_HISTOGRAM = """
            {"p": [0.1, 0.5, -0.3, 1.2, 0.8, -1.1, 0.3, 0.0, 0.6, -0.4], "q": [1.1, 1.9, 0.7, 2.5, 1.4, 0.2, 1.8, 2.2, 0.9, 1.6],
             "estimator": "histogram", "bins": {"strategy": "sturges"}, "smoothing": {"method": "additive", "alpha": 1},
             "metrics": ["kl", "jensenShannon"], "bootstrap": {"resamples": 200, "seed": 1}}""";

    private Examples() {
    }
}
