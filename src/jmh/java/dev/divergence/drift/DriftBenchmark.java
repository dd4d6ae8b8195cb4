package dev.divergence.drift;

import dev.divergence.DivergenceApplication;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * One drift request of the benchmark payload (bench/drift/gen.py: 100,000 rows × 20 columns, 31 MB; generate it
 * first) without the HTTP layer: reading the body into primitive columns, then reading and testing every column
 * and writing the answer. Run with {@code -prof gc} for the bytes allocated per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class DriftBenchmark {

    private static final Path PAYLOAD = Path.of("bench", "payloads", "drift-100k.json");

    byte[] body;
    ConfigurableApplicationContext context;
    DriftRequestReader reader;
    DriftService service;
    JsonMapper mapper;

    @Setup
    public void start() {
        try {
            body = Files.readAllBytes(PAYLOAD);
        } catch (IOException e) {
            throw new UncheckedIOException("generate it first: cd bench/drift && python3 gen.py", e);
        }
        context = new SpringApplicationBuilder(DivergenceApplication.class).web(WebApplicationType.NONE)
                .run("--logging.level.root=WARN", "--spring.main.banner-mode=off");
        reader = context.getBean(DriftRequestReader.class);
        service = context.getBean(DriftService.class);
        mapper = context.getBean(JsonMapper.class);
    }

    @TearDown
    public void stop() {
        context.close();
    }

    @Benchmark
    public DriftRequest read() {
        return reader.read(new ByteArrayInputStream(body));
    }

    @Benchmark
    public byte[] readTestAndWrite() {
        return mapper.writeValueAsBytes(service.evaluate(reader.read(new ByteArrayInputStream(body))));
    }
}
