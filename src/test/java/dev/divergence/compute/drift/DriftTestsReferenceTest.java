package dev.divergence.compute.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every drift test of {@code compute.drift} against SciPy 1.10.1 / NumPy 1.24.2 on the same data
 * ({@code src/test/resources/drift/scipy-reference.json}, written by {@code scipy_reference.py} beside it: the
 * functions Evidently 0.7 calls, called as it calls them).
 */
class DriftTestsReferenceTest {

    /** Same algorithm, other floating-point order (Commons Statistics, compensated sums): a few ulps. */
    private static final double SAME_ALGORITHM = 1e-12;
    /**
     * Sums over 12,400 values in another order than numpy's pairwise sums: the Mann–Whitney rank sums and tie
     * correction (amplified by the normal tail at p ≈ 0.01), the Epps–Singleton means and covariances of cos and sin.
     */
    private static final double LARGE_SUMS = 1e-10;
    /** The limiting Cramér–von Mises distribution by quadrature of K_{1/4} instead of scipy's Bessel routine. */
    private static final double QUADRATURE = 1e-10;

    static final JsonNode REFERENCE = read();

    private static JsonNode read() {
        JsonMapper mapper = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        try (InputStream in = DriftTestsReferenceTest.class.getResourceAsStream("/drift/scipy-reference.json")) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> numeric() {
        return StreamSupport.stream(REFERENCE.get("numeric").spliterator(), false)
                .map(c -> Arguments.of(c.get("name").asString(), c));
    }

    static Stream<Arguments> categorical() {
        return StreamSupport.stream(REFERENCE.get("categorical").spliterator(), false)
                .map(c -> Arguments.of(c.get("name").asString(), c));
    }

    private static double[] sorted(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).doubleValue();
        }
        Arrays.sort(v);
        return v;
    }

    private static long[] longs(JsonNode array) {
        long[] v = new long[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).longValue();
        }
        return v;
    }

    private static void close(double actual, double expected, double relative, String what) {
        if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        assertThat(actual).as(what).isCloseTo(expected, within(Math.max(relative * Math.abs(expected), 1e-300)));
    }

    private static void close(TestResult actual, JsonNode expected, double relative, String what) {
        close(actual.statistic(), expected.get(0).doubleValue(), relative, what + " statistic");
        close(actual.pValue(), expected.get(1).doubleValue(), relative, what + " p-value");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numeric")
    void numericalTestsAgreeWithScipy(String name, JsonNode c) {
        double[] x = sorted(c.get("x"));
        double[] y = sorted(c.get("y"));
        close(NumericalTests.kolmogorovSmirnov(x, y), c.get("ks"), SAME_ALGORITHM, "ks");
        close(NumericalTests.wassersteinNormed(x, y), c.get("wassersteinNormed").doubleValue(), SAME_ALGORITHM,
                "wasserstein");
        close(NumericalTests.energyDistance(x, y), c.get("energyDistance").doubleValue(), SAME_ALGORITHM, "energy");
        close(NumericalTests.tTest(x, y), c.get("tTest"), SAME_ALGORITHM, "t");
        close(NumericalTests.mannWhitney(x, y), c.get("mannWhitney"), LARGE_SUMS, "mann-whitney");
        if (c.has("andersonDarling")) {
            close(NumericalTests.andersonDarling(x, y), c.get("andersonDarling"), SAME_ALGORITHM, "anderson");
        }
        if (c.has("cramerVonMises")) {
            close(NumericalTests.cramerVonMises(x, y), c.get("cramerVonMises"), QUADRATURE, "cramer-von mises");
        }
        if (c.has("eppsSingleton")) {
            close(NumericalTests.eppsSingleton(x, y), c.get("eppsSingleton"), LARGE_SUMS, "epps-singleton");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numeric")
    void numericalColumnsAreBinnedAndComparedAsEvidentlyDoes(String name, JsonNode c) {
        double[] x = sorted(c.get("x"));
        double[] y = sorted(c.get("y"));
        double[][] shares;
        if (Binning.distinct(x) > Binning.MAX_DISTINCT_FOR_SHARES) {
            double[] edges = Binning.sturgesEdges(Math.min(x[0], y[0]), Math.max(x[x.length - 1], y[y.length - 1]),
                    x.length + y.length);
            JsonNode expectedEdges = c.get("sturgesEdges");
            assertThat(edges).hasSize(expectedEdges.size());
            for (int i = 0; i < edges.length; i++) {
                assertThat(edges[i]).as("edge " + i).isEqualTo(expectedEdges.get(i).doubleValue());
            }
            shares = new double[][] {Binning.shares(Binning.counts(x, edges), x.length),
                Binning.shares(Binning.counts(y, edges), y.length)};
        } else {
            Binning.ValueCounts vc = Binning.valueCounts(x, y);
            shares = new double[][] {Binning.shares(vc.reference(), x.length),
                Binning.shares(vc.current(), y.length)};
        }
        close(Distances.jensenShannon(shares[0], shares[1]), c.get("jensenShannon").doubleValue(), SAME_ALGORITHM,
                "jensen-shannon");
        double[] r = Binning.replaceZeros(shares[0].clone());
        double[] q = Binning.replaceZeros(shares[1].clone());
        close(Distances.psi(r, q), c.get("psi").doubleValue(), SAME_ALGORITHM, "psi");
        close(Distances.kl(r, q), c.get("kl").doubleValue(), SAME_ALGORITHM, "kl");
        Binning.ValueCounts vc = Binning.valueCounts(x, y);
        close(Distances.hellingerNumerical(x, y, Math.min(x[0], y[0]), Math.max(x[x.length - 1], y[y.length - 1]),
                vc.values().length), c.get("hellingerNumerical").doubleValue(), SAME_ALGORITHM, "hellinger");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("categorical")
    void categoricalTestsAgreeWithScipy(String name, JsonNode c) {
        long[] ref = longs(c.get("reference"));
        long[] cur = longs(c.get("current"));
        List<String> labels = StreamSupport.stream(c.get("labels").spliterator(), false).map(JsonNode::asString)
                .toList();
        close(CategoricalTests.chiSquare(ref, cur), c.get("chiSquare"), SAME_ALGORITHM, "chi-square");
        close(CategoricalTests.gTest(ref, cur), c.get("gTest"), SAME_ALGORITHM, "g");
        int first = labels.indexOf(labels.stream().sorted().findFirst().orElseThrow());
        close(CategoricalTests.zTest(ref, cur, first), c.get("zTest"), SAME_ALGORITHM, "z");
        double[] r = Binning.shares(ref, CategoricalTests.sum(ref));
        double[] q = Binning.shares(cur, CategoricalTests.sum(cur));
        close(Distances.jensenShannon(r, q), c.get("jensenShannon").doubleValue(), SAME_ALGORITHM, "jensen-shannon");
        close(Distances.hellinger(r, q), c.get("hellinger").doubleValue(), SAME_ALGORITHM, "hellinger");
        double[] rf = Binning.replaceZeros(r.clone());
        double[] qf = Binning.replaceZeros(q.clone());
        close(Distances.psi(rf, qf), c.get("psi").doubleValue(), SAME_ALGORITHM, "psi");
        close(Distances.kl(rf, qf), c.get("kl").doubleValue(), SAME_ALGORITHM, "kl");
        if (c.has("fisherExact")) {
            close(CategoricalTests.fisherExact(ref, cur).pValue(), c.get("fisherExact").doubleValue(),
                    SAME_ALGORITHM, "fisher");
        }
        int[] codes = codes(c.get("referenceRows"), c.get("currentRows"), labels);
        TestResult tvd = CategoricalTests.totalVariationPermutation(codes, c.get("referenceRows").size(),
                labels.size(), 1000);
        // the permutation p-value is a count of draws: exactly numpy's
        assertThat(tvd.pValue()).as("tvd p").isEqualTo(c.get("totalVariation").get(1).doubleValue());
        close(tvd.statistic(), c.get("totalVariation").get(0).doubleValue(), SAME_ALGORITHM, "tvd");
    }

    private static int[] codes(JsonNode reference, JsonNode current, List<String> labels) {
        int[] codes = new int[reference.size() + current.size()];
        int i = 0;
        for (JsonNode v : reference) {
            codes[i++] = labels.indexOf(v.asString());
        }
        for (JsonNode v : current) {
            codes[i++] = labels.indexOf(v.asString());
        }
        return codes;
    }

    @Test
    void numpysLegacyGeneratorStreamIsReproduced() {
        // numpy 1.24.2: np.random.seed(0); np.random.permutation(10); np.random.permutation(7)
        LegacyMersenneTwister random = new LegacyMersenneTwister(0);
        int[] ten = new int[10];
        random.permutation(ten);
        assertThat(ten).containsExactly(2, 8, 4, 9, 1, 6, 7, 3, 0, 5);
        int[] seven = new int[7];
        random.permutation(seven);
        assertThat(seven).containsExactly(3, 1, 2, 6, 5, 0, 4);
    }
}
