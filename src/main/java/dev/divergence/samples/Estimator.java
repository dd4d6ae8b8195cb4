package dev.divergence.samples;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.divergence.validation.OptionValue;

/** The estimators of KL from samples. */
public enum Estimator implements OptionValue {
    /**
     * Counting for labels; for real values k-NN below 6 dimensions and bias-corrected k-NN from 6 on, unless many
     * values repeat in one dimension (then counting or a histogram).
     */
    AUTO(Estimator.DEFAULT_NAME),
    /** Empirical frequencies of each label (or value), then the discrete bundle. */
    COUNTING("counting"),
    /** Shared bins for 1-D values, then the discrete bundle of the binned frequencies. */
    HISTOGRAM("histogram"),
    /** The k-NN estimator of Wang, Kulkarni and Verdú (2009), 1-D or d-dimensional. */
    KNN("knn"),
    /** k-NN with its bias measured on a Gaussian reference and subtracted (the default for d ≥ 6). */
    KNN_BIAS_CORRECTED("knnBiasCorrected"),
    /** The closed-form KL between Gaussians fitted to each sample. */
    GAUSSIAN("gaussian");

    /** The name of the default, auto (a constant, so annotations can name it). */
    public static final String DEFAULT_NAME = "auto";

    private final String jsonName;

    Estimator(String jsonName) {
        this.jsonName = jsonName;
    }

    @Override
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /**
     * @param name a name from a request
     * @return the value of that name
     * @throws OptionValue.UnknownOptionException for any other name
     */
    @JsonCreator
    public static Estimator of(String name) {
        return OptionValue.parse(Estimator.class, "estimator", name);
    }
}
