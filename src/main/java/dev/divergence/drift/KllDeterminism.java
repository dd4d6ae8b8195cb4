package dev.divergence.drift;

import java.lang.reflect.Field;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.datasketches.kll.KllSketch;

/**
 * Makes KLL sketches built and merged here the same bytes for the same input. DataSketches compacts a KLL sketch
 * with coin flips from one generator shared by every sketch ({@code KllSketch.random}, unseeded, with no public
 * way to seed it); each build or merge here seeds that generator with a fixed seed and runs alone, so the flips,
 * and with them the sketch, depend on the input only. The sketches' error guarantees are those of any other
 * draw of the coins.
 */
final class KllDeterminism {

    /** The seed of every build and merge. */
    static final long SEED = 0x5EED_2026L;

    static {
        DataSketchesRuntime.load();
    }

    private static final Random RANDOM = sharedRandom();

    private KllDeterminism() {
    }

    private static Random sharedRandom() {
        try {
            Field field = KllSketch.class.getDeclaredField("random");
            field.setAccessible(true);
            return (Random) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("DataSketches' KLL generator could not be reached to seed it: " + e, e);
        }
    }

    /**
     * @param work building or merging sketches
     * @param <T> its result
     * @return the result, with the coin flips drawn from the fixed seed
     */
    static <T> T seeded(Supplier<T> work) {
        synchronized (RANDOM) {
            RANDOM.setSeed(SEED);
            return work.get();
        }
    }
}
