package dev.divergence.kldiv;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.divergence.compute.KlDivLoss;
import dev.divergence.validation.OptionValue;

/** The reductions of torch's {@code kl_div}, by torch's names. */
public enum Reduction implements OptionValue {
    /** The pointwise losses, in the input's shape. */
    NONE("none", KlDivLoss.Reduction.NONE),
    /** Their sum. */
    SUM("sum", KlDivLoss.Reduction.SUM),
    /** Their sum divided by the number of elements (torch's default; not the KL divergence). */
    MEAN(Reduction.DEFAULT_NAME, KlDivLoss.Reduction.MEAN),
    /** Their sum divided by input.shape[0]: the mean KL divergence per sample. */
    BATCHMEAN("batchmean", KlDivLoss.Reduction.BATCHMEAN);

    /** The name of the default, mean (torch's) (a constant, so annotations can name it). */
    public static final String DEFAULT_NAME = "mean";

    private final String jsonName;
    private final KlDivLoss.Reduction kernel;

    Reduction(String jsonName, KlDivLoss.Reduction kernel) {
        this.jsonName = jsonName;
        this.kernel = kernel;
    }

    @Override
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** @return the same reduction in the compute library */
    KlDivLoss.Reduction kernel() {
        return kernel;
    }

    /**
     * @param name a name from a request
     * @return the reduction of that name
     * @throws OptionValue.UnknownOptionException for any other name
     */
    @JsonCreator
    public static Reduction of(String name) {
        return OptionValue.parse(Reduction.class, "reduction", name);
    }
}
