package dev.divergence.bench;

import dev.divergence.compute.DiscreteDivergences;
import dev.divergence.compute.DivergenceBundle;
import dev.divergence.compute.LogBase;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The compute kernels on normalized vectors of N entries (the same kind of input as {@code kernel.py}: random
 * positive weights normalized to sum 1): the whole metric bundle in one fused pass, and KL alone. Divide the
 * reported time per operation by N for ns per element.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class KernelBenchmark {

    @Param({"1000000"})
    int n;

    double[] p;
    double[] q;
    DiscreteDivergences nats;

    @Setup
    public void setUp() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        p = new double[n];
        q = new double[n];
        double sp = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            p[i] = rng.nextDouble() + 1e-3;
            q[i] = rng.nextDouble() + 1e-3;
            sp += p[i];
            sq += q[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sp;
            q[i] /= sq;
        }
        nats = DiscreteDivergences.inBase(LogBase.NATS);
    }

    @Benchmark
    public DivergenceBundle wholeBundle() {
        return nats.bundle(p, q);
    }

    @Benchmark
    public double klAlone() {
        return nats.klDivergence(p, q);
    }
}
