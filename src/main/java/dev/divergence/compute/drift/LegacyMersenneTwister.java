package dev.divergence.compute.drift;

/**
 * NumPy's legacy global generator ({@code numpy.random.seed(s)}, {@code RandomState}): MT19937 (Matsumoto and
 * Nishimura 1998) seeded by {@code init_genrand(s)}, with {@code RandomState.permutation}'s Fisher–Yates shuffle
 * and its masked rejection for bounded integers. It exists for one purpose: Evidently's total-variation
 * permutation test draws from this generator after {@code np.random.seed(0)}, and its p-value is reproduced only
 * by the same stream. Commons RNG's MT19937 seeds through {@code init_by_array}, which gives another stream.
 */
final class LegacyMersenneTwister {

    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int index;

    /** @param seed the 32-bit seed, as {@code numpy.random.seed(seed)} */
    LegacyMersenneTwister(int seed) {
        mt[0] = seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** @return the next 32 random bits (genrand_int32) */
    int nextInt() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
            mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        index = 0;
    }

    /** A uniform integer in [0, max] by masked rejection (numpy's {@code random_interval}, max < 2³²). */
    long interval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = (nextInt() & 0xffffffffL) & mask;
        } while (value > max);
        return value;
    }

    /**
     * {@code RandomState.permutation(n)} into a reused array.
     *
     * @param permutation receives 0, …, n − 1 shuffled; its length is n
     */
    void permutation(int[] permutation) {
        int n = permutation.length;
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        for (int i = n - 1; i >= 1; i--) {
            int j = (int) interval(i);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
    }
}
