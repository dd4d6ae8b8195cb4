package dev.divergence.web.json;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Reading a body of two arrays of 1,000,000 numbers each (Python's repr of uniform doubles, like the bench
 * harness's huge payload, ~38 MB) into {@code double[]}, per number: Jackson's token stream with its fast double
 * parser (what the deserializers did before), and {@link NumericArrayParser#readNumbers}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class NumberArrayParseBenchmark {

    private static final int N = 1_000_000;

    private final JsonFactory jackson = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    private final JsonFactory scanner = new NumericArrayJsonFactory(
            JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER));
    private final double[] values = new double[N];
    private byte[] body;

    @Setup
    public void body() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261122L);
        StringBuilder json = new StringBuilder("{");
        for (String name : new String[] {"p", "q"}) {
            json.append(name.equals("p") ? "" : ",").append('"').append(name).append("\":[");
            for (int i = 0; i < N; i++) {
                json.append(i == 0 ? "" : ",").append(rng.nextDouble());
            }
            json.append(']');
        }
        body = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    @OperationsPerInvocation(2 * N)
    public double jacksonTokens() {
        double sum = 0;
        try (JsonParser p = jackson.createParser(ObjectReadContext.empty(), new ByteArrayInputStream(body))) {
            p.nextToken();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                p.nextToken();
                int n = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    values[n++] = p.getDoubleValue();
                }
                sum += values[n - 1];
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(2 * N)
    public double numericArrayParser() {
        double sum = 0;
        try (JsonParser p = scanner.createParser(ObjectReadContext.empty(), new ByteArrayInputStream(body))) {
            NumericArrayParser fast = NumericArrayParser.of(p);
            p.nextToken();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                p.nextToken();
                int n = 0;
                while (true) {
                    n = fast.readNumbers(values, n);
                    if (p.nextToken() == JsonToken.END_ARRAY) {
                        break;
                    }
                    values[n++] = p.getDoubleValue();
                }
                sum += values[n - 1];
            }
        }
        return sum;
    }
}
