package dev.divergence.discrete;

import dev.divergence.DivergenceApplication;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * One discrete request without the HTTP layer: the application's JSON mapper reads the body into the request
 * record, the controller validates and computes, the mapper writes the response. Run with {@code -prof gc} for the
 * bytes allocated per request. The small body is the benchmark harness's (10 elements, all metrics); the batch
 * body has the harness's shape (100 pairs of 10 seeded uniform weights, all metrics, rescaled with two warnings).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RequestBenchmark {

    private static final byte[] SMALL = ("{\"p\":[0.5476204464901814,0.44022761391950405,0.07578941597627065,"
            + "0.5343499299002267,0.4921587269377289,0.41261517115010304,0.8153396561451234,0.4880913609581945,"
            + "0.3701172797831981,0.20702312748004736],\"q\":[0.9058765437707815,0.6965987373754745,"
            + "0.9093294625081606,0.19035546563282246,0.3065615174587609,0.958119663630154,0.01780657920122175,"
            + "0.03524221887443324,0.34607746646615956,0.38443729542142924]}").getBytes(
                    java.nio.charset.StandardCharsets.UTF_8);

    private static final byte[] BATCH = batchBody(100, 10);

    ConfigurableApplicationContext context;
    JsonMapper mapper;
    DiscreteController controller;

    @Setup
    public void start() {
        context = new SpringApplicationBuilder(DivergenceApplication.class).web(WebApplicationType.NONE)
                .run("--logging.level.root=WARN", "--spring.main.banner-mode=off");
        mapper = context.getBean(JsonMapper.class);
        controller = context.getBean(DiscreteController.class);
    }

    @TearDown
    public void stop() {
        context.close();
    }

    private static byte[] batchBody(int pairs, int length) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261122L);
        StringBuilder json = new StringBuilder("{\"pairs\":[");
        for (int i = 0; i < pairs; i++) {
            json.append(i == 0 ? "" : ",").append("{\"p\":");
            appendUniform(json, rng, length);
            json.append(",\"q\":");
            appendUniform(json, rng, length);
            json.append('}');
        }
        return json.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void appendUniform(StringBuilder json, UniformRandomProvider rng, int length) {
        json.append('[');
        for (int j = 0; j < length; j++) {
            json.append(j == 0 ? "" : ",").append(rng.nextDouble());
        }
        json.append(']');
    }

    @Benchmark
    public byte[] batchRequest() {
        BatchRequest request = mapper.readValue(BATCH, BatchRequest.class);
        return mapper.writeValueAsBytes(controller.batch(request));
    }

    @Benchmark
    public byte[] smallRequest() {
        DiscreteRequest request = mapper.readValue(SMALL, DiscreteRequest.class);
        return mapper.writeValueAsBytes(controller.discrete(request));
    }
}
