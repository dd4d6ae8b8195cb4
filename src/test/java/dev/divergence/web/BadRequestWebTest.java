package dev.divergence.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.divergence.config.BodyProperties;
import dev.divergence.config.DriftProperties;
import dev.divergence.config.JacksonConfig;
import dev.divergence.config.LimitProperties;
import dev.divergence.config.ResilienceProperties;
import dev.divergence.discrete.DiscreteDivergenceService;
import dev.divergence.drift.DriftService;
import dev.divergence.drift.SummaryService;
import dev.divergence.kldiv.KlDivService;
import dev.divergence.parametric.ParametricService;
import dev.divergence.runtime.ComputeGate;
import dev.divergence.runtime.ServiceMeters;
import dev.divergence.samples.SamplesService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every kind of bad input to the discrete endpoints: status, {@code application/problem+json}, the stable
 * {@code type}, and the JSON Pointer of the offending value; never a Java class name in the body.
 */
@WebMvcTest // every controller of every feature package
@Import({DiscreteDivergenceService.class, KlDivService.class, ParametricService.class, SamplesService.class,
    DriftService.class, SummaryService.class,
    ComputeGate.class, ServiceMeters.class, JacksonConfig.class, BadRequestWebTest.Meters.class})
@ComponentScan(basePackageClasses = {ComputeGate.class, DriftService.class}, useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = ".*(ComputeSlots|MemoryBudget|DriftRequestReader|DriftAdmission|DriftPool)"))
@EnableConfigurationProperties({LimitProperties.class, ResilienceProperties.class, DriftProperties.class,
    BodyProperties.class})
class BadRequestWebTest {

    private static final String DISCRETE = "/v1/divergences/discrete";
    private static final String BATCH = "/v1/divergences/discrete/batch";
    private static final String KL_DIV = "/v1/divergences/kl-div";
    private static final String PARAMETRIC = "/v1/divergences/parametric";
    private static final String SAMPLES = "/v1/divergences/samples";
    private static final String N01 = "{\"family\": \"Normal\", \"params\": {\"loc\": 0, \"scale\": 1}}";

    @Autowired
    MockMvcTester mvc;

    @TestConfiguration
    static class Meters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                // name, path, body, status, type slug, pointer (null: no errors entry expected)
                Arguments.of("malformed JSON", DISCRETE, "{\"p\": [0.5, 0.5", 400, "malformed-json", null),
                Arguments.of("trailing content", DISCRETE, "{\"p\": [1], \"q\": [1]} x", 400, "malformed-json", ""),
                Arguments.of("unknown field", DISCRETE, "{\"p\": [1], \"q\": [1], \"bsae\": 2}", 400, "unknown-field", "/bsae"),
                Arguments.of("unknown nested field", DISCRETE,
                        "{\"p\": [1], \"q\": [1], \"smoothing\": {\"method\": \"epsilon\", \"eps\": 1e-9}}", 400,
                        "unknown-field", "/smoothing/eps"),
                Arguments.of("distribution not an array", DISCRETE, "{\"p\": \"abc\", \"q\": [1]}", 400, "invalid-field", "/p"),
                Arguments.of("string entry", DISCRETE, "{\"p\": [0.5, \"x\"], \"q\": [0.5, 0.5]}", 400, "invalid-field", "/p/1"),
                Arguments.of("null entry", DISCRETE, "{\"p\": [0.5, null], \"q\": [0.5, 0.5]}", 400, "invalid-field", "/p/1"),
                Arguments.of("string entry in map", DISCRETE, "{\"p\": {\"a\": true}, \"q\": {\"a\": 1}}", 400,
                        "invalid-field", "/p/a"),
                Arguments.of("boolean as string", DISCRETE, "{\"p\": [1], \"q\": [1], \"normalize\": \"yes\"}", 400,
                        "invalid-field", "/normalize"),
                Arguments.of("number as string", DISCRETE, "{\"p\": [1], \"q\": [1], \"renyiOrders\": [\"2\"]}", 400,
                        "invalid-field", "/renyiOrders/0"),
                Arguments.of("base not e", DISCRETE, "{\"p\": [1], \"q\": [1], \"base\": \"two\"}", 400, "invalid-field", "/base"),
                Arguments.of("base 1", DISCRETE, "{\"p\": [1], \"q\": [1], \"base\": 1}", 400, "invalid-option", "/base"),
                Arguments.of("base negative", DISCRETE, "{\"p\": [1], \"q\": [1], \"base\": -2}", 400, "invalid-option", "/base"),
                Arguments.of("negative probability", DISCRETE, "{\"p\": [0.5, 0.5], \"q\": [1.1, -0.1]}", 400,
                        "invalid-distribution", "/q/1"),
                Arguments.of("NaN", DISCRETE, "{\"p\": [\"NaN\", 1], \"q\": [0.5, 0.5]}", 400, "invalid-distribution", "/p/0"),
                Arguments.of("infinite probability", DISCRETE, "{\"p\": [\"Infinity\", 1], \"q\": [0.5, 0.5]}", 400,
                        "invalid-distribution", "/p/0"),
                Arguments.of("+Infinity logit", DISCRETE,
                        "{\"p\": [0, \"Infinity\"], \"q\": [0, 0], \"inputType\": \"logits\"}", 400, "invalid-distribution", "/p/1"),
                Arguments.of("all -Infinity log-probabilities", DISCRETE,
                        "{\"p\": [0, 0], \"q\": [\"-Infinity\", \"-Infinity\"], \"inputType\": \"logProbabilities\"}", 400,
                        "invalid-distribution", "/q"),
                Arguments.of("all zero", DISCRETE, "{\"p\": [0, 0], \"q\": [0.5, 0.5]}", 400, "invalid-distribution", "/p"),
                Arguments.of("empty", DISCRETE, "{\"p\": [], \"q\": []}", 400, "invalid-distribution", "/p"),
                Arguments.of("keyed entry negative", DISCRETE, "{\"p\": {\"a/b\": -1}, \"q\": {\"a/b\": 1}}", 400,
                        "invalid-distribution", "/p/a~1b"),
                Arguments.of("lengths differ", DISCRETE, "{\"p\": [0.5, 0.5], \"q\": [1]}", 400, "length-mismatch", "/q"),
                Arguments.of("array and map", DISCRETE, "{\"p\": [1], \"q\": {\"a\": 1}}", 400, "invalid-distribution", "/q"),
                Arguments.of("missing q", DISCRETE, "{\"p\": [1]}", 400, "missing-field", "/q"),
                Arguments.of("empty body", DISCRETE, "", 400, "missing-field", ""),
                Arguments.of("not normalized", DISCRETE, "{\"p\": [0.5, 0.6], \"q\": [0.5, 0.5], \"normalize\": false}",
                        400, "invalid-distribution", "/p"),
                Arguments.of("unknown input type", DISCRETE, "{\"p\": [1], \"q\": [1], \"inputType\": \"probs\"}", 400,
                        "invalid-option", "/inputType"),
                Arguments.of("unknown metric", DISCRETE, "{\"p\": [1], \"q\": [1], \"metrics\": [\"kl\", \"kld\"]}", 400,
                        "invalid-option", "/metrics/1"),
                Arguments.of("Renyi order 0", DISCRETE, "{\"p\": [1], \"q\": [1], \"renyiOrders\": [2, 0]}", 400,
                        "invalid-option", "/renyiOrders/1"),
                Arguments.of("additive smoothing on probabilities", DISCRETE,
                        "{\"p\": [1, 0], \"q\": [0, 1], \"smoothing\": {\"method\": \"additive\", \"alpha\": 1}}", 400,
                        "invalid-option", "/smoothing/method"),
                Arguments.of("epsilon missing", DISCRETE, "{\"p\": [1], \"q\": [1], \"smoothing\": {\"method\": \"epsilon\"}}",
                        400, "missing-field", "/smoothing/epsilon"),
                Arguments.of("epsilon out of range", DISCRETE,
                        "{\"p\": [1], \"q\": [1], \"smoothing\": {\"method\": \"epsilon\", \"epsilon\": 2}}", 400,
                        "invalid-option", "/smoothing/epsilon"),
                Arguments.of("unknown smoothing", DISCRETE, "{\"p\": [1], \"q\": [1], \"smoothing\": {\"method\": \"laplace\"}}",
                        400, "invalid-option", "/smoothing/method"),
                Arguments.of("too many Renyi orders", DISCRETE, "{\"p\": [1], \"q\": [1], \"renyiOrders\": ["
                        + "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33]}",
                        413, "limit-exceeded", "/renyiOrders"),
                Arguments.of("batch: invalid pair", BATCH,
                        "{\"pairs\": [{\"p\": [1], \"q\": [1]}, {\"p\": [0.5, 0.5], \"q\": [2, -1]}]}", 400,
                        "invalid-distribution", "/pairs/1/q/1"),
                Arguments.of("batch: unknown field in pair", BATCH, "{\"pairs\": [{\"p\": [1], \"q\": [1], \"r\": [1]}]}",
                        400, "unknown-field", "/pairs/0/r"),
                Arguments.of("batch: no pairs", BATCH, "{\"pairs\": []}", 400, "invalid-option", "/pairs"),
                Arguments.of("batch: pairs missing", BATCH, "{}", 400, "missing-field", "/pairs"),
                Arguments.of("batch: null pair", BATCH, "{\"pairs\": [null]}", 400, "missing-field", "/pairs/0"),
                Arguments.of("kl-div: ragged", KL_DIV, "{\"input\": [[0, 0], [0]], \"target\": [[1, 0], [1]]}", 400,
                        "invalid-field", "/input/1"),
                Arguments.of("kl-div: mixed nesting", KL_DIV, "{\"input\": [[0, 0], 0], \"target\": [[1, 0], [1, 0]]}",
                        400, "invalid-field", "/input/1"),
                Arguments.of("kl-div: empty array beside numbers", KL_DIV,
                        "{\"input\": [[0, 0, 0]], \"target\": [[[], 0.2, 0.1]]}", 400, "invalid-field", "/target/0/1"),
                Arguments.of("kl-div: scalar", KL_DIV, "{\"input\": 0, \"target\": 1}", 400, "invalid-field", "/input"),
                Arguments.of("kl-div: empty", KL_DIV, "{\"input\": [], \"target\": []}", 400, "invalid-distribution",
                        "/input"),
                Arguments.of("kl-div: shapes differ", KL_DIV, "{\"input\": [[0, 0]], \"target\": [[1, 0, 0]]}", 400,
                        "length-mismatch", "/target"),
                Arguments.of("kl-div: negative target", KL_DIV,
                        "{\"input\": [[0, 0], [0, 0]], \"target\": [[0.5, 0.5], [1.5, -0.5]]}", 400,
                        "invalid-distribution", "/target/1/1"),
                Arguments.of("kl-div: +Infinity input", KL_DIV, "{\"input\": [\"Infinity\"], \"target\": [1]}", 400,
                        "invalid-distribution", "/input/0"),
                Arguments.of("kl-div: NaN log target", KL_DIV,
                        "{\"input\": [0, 0], \"target\": [0, \"NaN\"], \"logTarget\": true}", 400,
                        "invalid-distribution", "/target/1"),
                Arguments.of("kl-div: unknown reduction", KL_DIV,
                        "{\"input\": [0], \"target\": [1], \"reduction\": \"average\"}", 400, "invalid-option", "/reduction"),
                Arguments.of("kl-div: torch's name", KL_DIV, "{\"input\": [0], \"target\": [1], \"log_target\": true}",
                        400, "unknown-field", "/log_target"),
                Arguments.of("kl-div: missing target", KL_DIV, "{\"input\": [0]}", 400, "missing-field", "/target"),
                Arguments.of("parametric: unknown family", PARAMETRIC,
                        "{\"p\": {\"family\": \"Gaussian\", \"params\": {}}, \"q\": " + N01 + "}", 400,
                        "unknown-family", "/p/family"),
                Arguments.of("parametric: unknown parameter", PARAMETRIC,
                        "{\"p\": {\"family\": \"Normal\", \"params\": {\"mean\": 0, \"scale\": 1}}, \"q\": " + N01
                                + "}", 400, "unknown-parameter", "/p/params/mean"),
                Arguments.of("parametric: missing parameter", PARAMETRIC,
                        "{\"p\": " + N01 + ", \"q\": {\"family\": \"Gamma\", \"params\": {\"rate\": 1}}}", 400,
                        "missing-parameter", "/q/params/concentration"),
                Arguments.of("parametric: neither probs nor logits", PARAMETRIC,
                        "{\"p\": {\"family\": \"Bernoulli\", \"params\": {}}, \"q\": {\"family\": \"Bernoulli\", "
                                + "\"params\": {\"probs\": 0.5}}}", 400, "missing-parameter", "/p/params"),
                Arguments.of("parametric: probs and logits", PARAMETRIC,
                        "{\"p\": {\"family\": \"Bernoulli\", \"params\": {\"probs\": 0.5, \"logits\": 0}}, \"q\": "
                                + "{\"family\": \"Bernoulli\", \"params\": {\"probs\": 0.5}}}", 400,
                        "conflicting-parameters", "/p/params/logits"),
                Arguments.of("parametric: negative scale in a batch", PARAMETRIC,
                        "{\"p\": {\"family\": \"Normal\", \"params\": {\"loc\": 0, \"scale\": [1, -2]}}, \"q\": "
                                + N01 + "}", 400, "invalid-parameter", "/p/params/scale/1"),
                Arguments.of("parametric: probs above 1", PARAMETRIC,
                        "{\"p\": {\"family\": \"Bernoulli\", \"params\": {\"probs\": 1.5}}, \"q\": "
                                + "{\"family\": \"Bernoulli\", \"params\": {\"probs\": 0.5}}}", 400,
                        "invalid-parameter", "/p/params/probs"),
                Arguments.of("parametric: covariance not positive definite", PARAMETRIC,
                        "{\"p\": {\"family\": \"MultivariateNormal\", \"params\": {\"loc\": [0, 0], "
                                + "\"covariance_matrix\": [[1, 2], [2, 1]]}}, \"q\": {\"family\": \"MultivariateNormal\", "
                                + "\"params\": {\"loc\": [0, 0], \"covariance_matrix\": [[1, 0], [0, 1]]}}}", 400,
                        "invalid-parameter", "/p/params/covariance_matrix"),
                Arguments.of("parametric: covariance not symmetric", PARAMETRIC,
                        "{\"p\": {\"family\": \"MultivariateNormal\", \"params\": {\"loc\": [0, 0], "
                                + "\"covariance_matrix\": [[1, 0.5], [0.4, 1]]}}, \"q\": {\"family\": \"MultivariateNormal\", "
                                + "\"params\": {\"loc\": [0, 0], \"covariance_matrix\": [[1, 0], [0, 1]]}}}", 400,
                        "invalid-parameter", "/p/params/covariance_matrix/1/0"),
                Arguments.of("parametric: loc and covariance of different sizes", PARAMETRIC,
                        "{\"p\": {\"family\": \"MultivariateNormal\", \"params\": {\"loc\": [0, 0, 0], "
                                + "\"covariance_matrix\": [[1, 0], [0, 1]]}}, \"q\": {\"family\": \"MultivariateNormal\", "
                                + "\"params\": {\"loc\": [0, 0], \"covariance_matrix\": [[1, 0], [0, 1]]}}}", 400,
                        "shape-mismatch", "/p/params/covariance_matrix"),
                Arguments.of("parametric: batches that do not broadcast", PARAMETRIC,
                        "{\"p\": {\"family\": \"Normal\", \"params\": {\"loc\": [0, 1, 2], \"scale\": [1, 2]}}, "
                                + "\"q\": " + N01 + "}", 400, "shape-mismatch", "/p/params/scale"),
                Arguments.of("parametric: ragged parameter", PARAMETRIC,
                        "{\"p\": {\"family\": \"Normal\", \"params\": {\"loc\": [[0, 1], [2]], \"scale\": 1}}, "
                                + "\"q\": " + N01 + "}", 400, "invalid-field", "/p/params/loc/1"),
                Arguments.of("parametric: parameter is a string", PARAMETRIC,
                        "{\"p\": {\"family\": \"Normal\", \"params\": {\"loc\": \"zero\", \"scale\": 1}}, "
                                + "\"q\": " + N01 + "}", 400, "invalid-field", "/p/params/loc"),
                Arguments.of("parametric: unknown spec field", PARAMETRIC,
                        "{\"p\": {\"family\": \"Normal\", \"parameters\": {}}, \"q\": " + N01 + "}", 400,
                        "unknown-field", "/p/parameters"),
                Arguments.of("parametric: spec not an object", PARAMETRIC, "{\"p\": \"Normal\", \"q\": " + N01 + "}",
                        400, "invalid-field", "/p"),
                Arguments.of("parametric: missing q", PARAMETRIC, "{\"p\": " + N01 + "}", 400, "missing-field", "/q"),
                Arguments.of("parametric: unknown method", PARAMETRIC,
                        "{\"p\": " + N01 + ", \"q\": " + N01 + ", \"method\": \"exact\"}", 400, "invalid-option",
                        "/method"),
                Arguments.of("parametric: one sample", PARAMETRIC, "{\"p\": " + N01 + ", \"q\": " + N01
                        + ", \"method\": \"monteCarlo\", \"monteCarlo\": {\"samples\": 1}}", 400, "invalid-option",
                        "/monteCarlo/samples"),
                Arguments.of("parametric: too many Monte Carlo draws", PARAMETRIC, "{\"p\": " + N01 + ", \"q\": "
                        + N01 + ", \"method\": \"monteCarlo\", \"monteCarlo\": {\"samples\": 2000000000}}", 413,
                        "limit-exceeded", "/monteCarlo/samples"),
                Arguments.of("parametric: univariate against multivariate", PARAMETRIC,
                        "{\"p\": " + N01 + ", \"q\": {\"family\": \"MultivariateNormal\", \"params\": {\"loc\": [0], "
                                + "\"covariance_matrix\": [[1]]}}}", 422, "incompatible-distributions", "/q/family"),
                Arguments.of("parametric: closedForm without one", PARAMETRIC,
                        "{\"p\": " + N01 + ", \"q\": {\"family\": \"StudentT\", \"params\": {\"df\": 3}}, "
                                + "\"method\": \"closedForm\"}", 422, "no-closed-form", "/method"),
                Arguments.of("parametric: Independent beyond the batch rank", PARAMETRIC,
                        "{\"p\": {\"family\": \"Independent\", \"params\": {\"base_distribution\": " + N01
                                + ", \"reinterpreted_batch_ndims\": 1}}, \"q\": " + N01 + "}", 400,
                        "invalid-parameter", "/p/params/reinterpreted_batch_ndims"),
                Arguments.of("parametric: invalid nested parameter", PARAMETRIC,
                        "{\"p\": {\"family\": \"Independent\", \"params\": {\"base_distribution\": {\"family\": "
                                + "\"Normal\", \"params\": {\"loc\": [0, 0], \"scale\": [1, 0]}}, "
                                + "\"reinterpreted_batch_ndims\": 1}}, \"q\": " + N01 + "}", 400, "invalid-parameter",
                        "/p/params/base_distribution/params/scale/1"),
                Arguments.of("samples: one element", SAMPLES, "{\"p\": [1.0], \"q\": [1, 2]}", 400,
                        "invalid-distribution", "/p"),
                Arguments.of("samples: empty", SAMPLES, "{\"p\": [1, 2], \"q\": []}", 400, "invalid-distribution",
                        "/q"),
                Arguments.of("samples: missing q", SAMPLES, "{\"p\": [1, 2]}", 400, "missing-field", "/q"),
                Arguments.of("samples: mixed labels and numbers", SAMPLES, "{\"p\": [\"a\", 1], \"q\": [\"a\", \"b\"]}",
                        400, "invalid-field", "/p/1"),
                Arguments.of("samples: labels against numbers", SAMPLES, "{\"p\": [\"a\", \"b\"], \"q\": [1, 2]}",
                        400, "invalid-distribution", "/q"),
                Arguments.of("samples: ragged rows", SAMPLES, "{\"p\": [[1, 2], [3]], \"q\": [[1, 2], [3, 4]]}",
                        400, "invalid-field", "/p/1"),
                Arguments.of("samples: different dimensions", SAMPLES,
                        "{\"p\": [[1, 2], [3, 4]], \"q\": [[1, 2, 3], [3, 4, 5]]}", 400, "shape-mismatch", "/q"),
                Arguments.of("samples: NaN value", SAMPLES, "{\"p\": [[1, 2], [3, \"NaN\"]], \"q\": [[1, 2], [3, 4]]}",
                        400, "invalid-distribution", "/p/1/1"),
                Arguments.of("samples: infinite value", SAMPLES, "{\"p\": [1, \"Infinity\", 3], \"q\": [1, 2]}",
                        400, "invalid-distribution", "/p/1"),
                Arguments.of("samples: k too large", SAMPLES,
                        "{\"p\": [1, 2, 3], \"q\": [1.5, 2.5, 3.5], \"estimator\": \"knn\", \"k\": 3}", 400,
                        "invalid-option", "/k"),
                Arguments.of("samples: zero bins", SAMPLES, "{\"p\": [1, 2, 3], \"q\": [1.5, 2.5], "
                        + "\"estimator\": \"histogram\", \"bins\": {\"strategy\": \"count\", \"count\": 0}}", 400,
                        "invalid-option", "/bins/count"),
                Arguments.of("samples: edges not increasing", SAMPLES, "{\"p\": [1, 2, 3], \"q\": [1.5, 2.5], "
                        + "\"estimator\": \"histogram\", \"bins\": {\"strategy\": \"edges\", \"edges\": [0, 2, 2, 3]}}",
                        400, "invalid-option", "/bins/edges/2"),
                Arguments.of("samples: unknown strategy", SAMPLES, "{\"p\": [1, 2, 3], \"q\": [1.5, 2.5], "
                        + "\"estimator\": \"histogram\", \"bins\": {\"strategy\": \"rice\"}}", 400,
                        "invalid-option", "/bins/strategy"),
                Arguments.of("samples: histogram of labels", SAMPLES,
                        "{\"p\": [\"a\", \"b\"], \"q\": [\"a\", \"b\"], \"estimator\": \"histogram\"}", 400,
                        "invalid-option", "/estimator"),
                Arguments.of("samples: unknown estimator", SAMPLES,
                        "{\"p\": [1, 2], \"q\": [1, 2], \"estimator\": \"kde\"}", 400, "invalid-option", "/estimator"),
                Arguments.of("samples: confidence level 1", SAMPLES, "{\"p\": [\"a\", \"b\"], \"q\": [\"a\", \"b\"], "
                        + "\"bootstrap\": {\"confidenceLevel\": 1}}", 400, "invalid-option", "/bootstrap/confidenceLevel"),
                Arguments.of("samples: bootstrap too large", SAMPLES, "{\"p\": [\"a\", \"b\"], \"q\": [\"a\", \"b\"], "
                        + "\"bootstrap\": {\"resamples\": 100000000}}", 413, "limit-exceeded", "/bootstrap/resamples"),
                Arguments.of("samples: singular Gaussian fit", SAMPLES, "{\"p\": [[1, 1], [2, 2], [3, 3]], "
                        + "\"q\": [[1, 0], [0, 1], [2, 2]], \"estimator\": \"gaussian\"}", 422, "estimate-undefined", "/p"),
                Arguments.of("samples: probability map for p", SAMPLES, "{\"p\": {\"a\": 1}, \"q\": [\"a\", \"b\"]}",
                        400, "invalid-distribution", "/p"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestIsAProblemWithTypeAndPointer(String name, String path, String body, int status, String type,
            String pointer) {
        MvcTestResult result = mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertProblem(result, status, type);
        if (pointer != null) {
            assertThat(result).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo(pointer);
        }
    }

    @Test
    void duplicateKeysAreRejected() {
        MvcTestResult result = mvc.post().uri(DISCRETE).contentType(MediaType.APPLICATION_JSON)
                .content("{\"p\": {\"a\": 1, \"a\": 2}, \"q\": {\"a\": 1}}").exchange();
        assertProblem(result, 400, "malformed-json");
        assertThat(result).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/p/a");
    }

    @Test
    void wrongContentTypeIs415() {
        assertProblem(mvc.post().uri(DISCRETE).contentType(MediaType.TEXT_PLAIN).content("p=1").exchange(), 415,
                "unsupported-media-type");
    }

    @Test
    void wrongMethodIs405() {
        assertProblem(mvc.get().uri(DISCRETE).exchange(), 405, "method-not-allowed");
    }

    @Test
    void unknownPathIs404() {
        assertProblem(mvc.post().uri("/v1/divergences/discrete/nope").contentType(MediaType.APPLICATION_JSON)
                .content("{}").exchange(), 404, "not-found");
    }

    @Test
    void everyInvalidValueIsListed() {
        MvcTestResult result = mvc.post().uri(DISCRETE).contentType(MediaType.APPLICATION_JSON)
                .content("{\"p\": [-1, 0.5, \"NaN\"], \"q\": [0.5, -2, 0.5], \"base\": 0}").exchange();
        assertProblem(result, 400, "invalid-option");
        assertThat(result).bodyJson().extractingPath("$.errors[*].pointer").asArray()
                .containsExactlyInAnyOrder("/base", "/p/0", "/p/2", "/q/1");
    }

    private static void assertProblem(MvcTestResult result, int status, String type) {
        assertThat(result).hasStatus(status);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(ProblemType.URI_PREFIX + type);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
        assertThat(result).bodyJson().extractingPath("$.title").asString().isNotBlank();
        assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
        assertThat(result).body().asString().doesNotContain("java.", "tools.jackson", "dev.divergence", "Exception");
    }
}
