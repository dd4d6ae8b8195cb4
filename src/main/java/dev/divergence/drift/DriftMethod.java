package dev.divergence.drift;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.divergence.validation.OptionValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The drift tests, with Evidently 0.7's names (accepted as aliases), default thresholds, comparison directions
 * and the column types its registry allows them on.
 */
public enum DriftMethod implements OptionValue {
    /** Evidently's automatic choice from the column type, the reference size and the number of distinct values. */
    AUTO(DriftMethod.DEFAULT_NAME, null, Double.NaN, null, null),
    /** Two-sample Kolmogorov–Smirnov test. */
    KS("ks", "ks", 0.05, Comparison.AT_MOST, Applies.NUMERICAL),
    /** Pearson's χ² test of the current counts against the scaled reference counts. */
    CHI_SQUARE("chiSquare", "chisquare", 0.05, Comparison.BELOW, Applies.CATEGORICAL),
    /** Two-proportion z-test of the first category (in sort order) against the others. */
    Z_TEST("zTest", "z", 0.05, Comparison.BELOW, Applies.CATEGORICAL),
    /** Wasserstein-1 distance divided by the reference's standard deviation. */
    WASSERSTEIN("wasserstein", "wasserstein", 0.1, Comparison.AT_LEAST, Applies.NUMERICAL),
    /** Jensen–Shannon distance of the binned shares (natural log). */
    JENSEN_SHANNON("jensenShannon", "jensenshannon", 0.1, Comparison.AT_LEAST, Applies.BOTH),
    /** Population stability index of the binned shares. */
    PSI("psi", "psi", 0.1, Comparison.AT_LEAST, Applies.BOTH),
    /** KL(reference ‖ current) of the binned shares. */
    KL("kl", "kl_div", 0.1, Comparison.AT_LEAST, Applies.BOTH),
    /** Hellinger distance. */
    HELLINGER("hellinger", "hellinger", 0.1, Comparison.AT_LEAST, Applies.BOTH),
    /** Total variation distance with a permutation p-value. */
    TOTAL_VARIATION("totalVariation", "TVD", 0.1, Comparison.BELOW, Applies.CATEGORICAL),
    /** Energy distance. */
    ENERGY_DISTANCE("energyDistance", "ed", 0.1, Comparison.ABOVE, Applies.NUMERICAL),
    /** Student's two-sample t-test (pooled variance). */
    T_TEST("tTest", "t_test", 0.05, Comparison.BELOW, Applies.NUMERICAL),
    /** Mann–Whitney U test, alternative "less". */
    MANN_WHITNEY("mannWhitney", "mannw", 0.05, Comparison.BELOW, Applies.NUMERICAL),
    /** k-sample Anderson–Darling test. */
    ANDERSON_DARLING("andersonDarling", "anderson", 0.1, Comparison.BELOW, Applies.NUMERICAL),
    /** Two-sample Cramér–von Mises test. */
    CRAMER_VON_MISES("cramerVonMises", "cramer_von_mises", 0.1, Comparison.AT_MOST, Applies.NUMERICAL),
    /** Epps–Singleton test on the empirical characteristic function. */
    EPPS_SINGLETON("eppsSingleton", "es", 0.05, Comparison.BELOW, Applies.NUMERICAL),
    /** Fisher's exact test of a binary column. */
    FISHER_EXACT("fisherExact", "fisher_exact", 0.1, Comparison.BELOW, Applies.CATEGORICAL),
    /** G-test (log-likelihood ratio). */
    G_TEST("gTest", "g_test", 0.1, Comparison.BELOW, Applies.CATEGORICAL),
    /** The k-NN estimate of KL(reference ‖ current) (Wang, Kulkarni and Verdú 2009); no default threshold. */
    KNN_KL("knnKl", null, Double.NaN, Comparison.AT_LEAST, Applies.NUMERICAL);

    /** The name of the default (a constant, so annotations can name it). */
    public static final String DEFAULT_NAME = "auto";

    private final String jsonName;
    private final String evidentlyName;
    private final double defaultThreshold;
    private final Comparison comparison;
    private final Applies applies;

    DriftMethod(String jsonName, String evidentlyName, double defaultThreshold, Comparison comparison,
            Applies applies) {
        this.jsonName = jsonName;
        this.evidentlyName = evidentlyName;
        this.defaultThreshold = defaultThreshold;
        this.comparison = comparison;
        this.applies = applies;
    }

    @Override
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** @return Evidently's name for the test, or null when Evidently has none */
    public String evidentlyName() {
        return evidentlyName;
    }

    /** @return the default threshold, or NaN when a threshold must be given */
    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** @return how the score is compared with the threshold to call drift */
    public Comparison comparison() {
        return comparison;
    }

    /** @return whether the score is a p-value (small means drift) rather than a distance */
    public boolean givesPValue() {
        return comparison == Comparison.AT_MOST || comparison == Comparison.BELOW;
    }

    /** @return the column types the test applies to (empty for auto) */
    public Set<ColumnType> columnTypes() {
        return applies == null ? EnumSet.noneOf(ColumnType.class) : applies.types;
    }

    /**
     * @param name a name from a request: the service's or Evidently's
     * @return the method of that name
     * @throws OptionValue.UnknownOptionException for any other name
     */
    @JsonCreator
    public static DriftMethod of(String name) {
        for (DriftMethod m : values()) {
            if (name.equals(m.evidentlyName)) {
                return m;
            }
        }
        return OptionValue.parse(DriftMethod.class, "drift method", name, Arrays.asList(aliases()));
    }

    /** @return Evidently's names where they differ from the service's: the aliases accepted besides them */
    public static String[] aliases() {
        return Arrays.stream(values()).filter(m -> m.evidentlyName != null && !m.evidentlyName.equals(m.jsonName))
                .map(DriftMethod::evidentlyName).toArray(String[]::new);
    }

    /** How a score is compared with its threshold to call drift (each test's direction is Evidently's). */
    public enum Comparison {
        /** p ≤ threshold. */
        AT_MOST("≤"),
        /** p < threshold. */
        BELOW("<"),
        /** distance ≥ threshold. */
        AT_LEAST("≥"),
        /** distance > threshold. */
        ABOVE(">");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        /** @return ≤, <, ≥ or > */
        public String symbol() {
            return symbol;
        }

        /**
         * @param score the column's score
         * @param threshold the threshold in force
         * @return whether the column drifted
         */
        public boolean drifted(double score, double threshold) {
            return switch (this) {
                case AT_MOST -> score <= threshold;
                case BELOW -> score < threshold;
                case AT_LEAST -> score >= threshold;
                case ABOVE -> score > threshold;
            };
        }
    }

    private enum Applies {
        NUMERICAL(EnumSet.of(ColumnType.NUMERICAL)),
        CATEGORICAL(EnumSet.of(ColumnType.CATEGORICAL)),
        BOTH(EnumSet.allOf(ColumnType.class));

        private final Set<ColumnType> types;

        Applies(Set<ColumnType> types) {
            this.types = types;
        }
    }
}
